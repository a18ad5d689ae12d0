#include "xref/xref.hpp"

#include "base/suggest.hpp"

namespace planpress::xref {

const char* label_of(TargetKind kind) {
  switch (kind) {
    case TargetKind::plan: return "計画";
    case TargetKind::document: return "外部文書";
    case TargetKind::item: return "項目";
    case TargetKind::category: return "区分";
    case TargetKind::section: return "章";
  }
  return "";
}

SymbolTable::SymbolTable(const model::Model& model) {
  for (const auto& d : model.documents) documents_[d.id] = true;
  for (const auto& p : model.plans) {
    auto& syms = plans_[p.id];
    model::for_each_category(p.categories, [&](const model::Category& c, int) { syms.anchors.emplace(c.id, TargetKind::category); });
    for (const auto& s : p.sections) syms.anchors.emplace(s.id, TargetKind::section);
    for (const auto& i : p.items) syms.anchors.emplace(i.id, TargetKind::item);
  }
}

std::optional<Endpoint> SymbolTable::resolve(const std::string& context_plan, const std::string& target) const {
  const auto hash = target.find('#');
  const std::string plan = hash == std::string::npos ? target : target.substr(0, hash);
  const std::string anchor = hash == std::string::npos ? std::string() : target.substr(hash + 1);
  const std::string plan_id = plan.empty() ? context_plan : plan;
  if (anchor.empty()) {
    if (plans_.count(plan_id)) return Endpoint{TargetKind::plan, plan_id, "", 0};
    if (documents_.count(plan_id)) return Endpoint{TargetKind::document, plan_id, "", 0};
    return std::nullopt;
  }
  auto p = plans_.find(plan_id);
  if (p == plans_.end()) return std::nullopt;
  auto a = p->second.anchors.find(anchor);
  if (a == p->second.anchors.end()) return std::nullopt;
  return Endpoint{a->second, plan_id, anchor, 0};
}

std::optional<std::string> SymbolTable::suggest(const std::string& context_plan, const std::string& target) const {
  const auto hash = target.find('#');
  const std::string plan = hash == std::string::npos ? target : target.substr(0, hash);
  const std::string anchor = hash == std::string::npos ? std::string() : target.substr(hash + 1);
  const std::string plan_id = plan.empty() ? context_plan : plan;
  auto p = plans_.find(plan_id);
  if (p == plans_.end() || (anchor.empty() && !plan.empty())) {
    std::vector<std::string> ids;
    for (const auto& [id, _] : plans_) ids.push_back(id);
    for (const auto& [id, _] : documents_) ids.push_back(id);
    auto m = base::closest_match(plan_id, ids);
    if (!m) return std::nullopt;
    return anchor.empty() ? *m : *m + "#" + anchor;
  }
  std::vector<std::string> anchors;
  for (const auto& [id, _] : p->second.anchors) anchors.push_back(id);
  auto m = base::closest_match(anchor, anchors);
  if (!m) return std::nullopt;
  return plan + "#" + *m;
}

void LinkGraph::add(Link link) {
  const std::size_t index = links_.size();
  by_source_.emplace(link.from.key(), index);
  by_target_.emplace(link.to.key(), index);
  links_.push_back(std::move(link));
}

std::vector<const Link*> LinkGraph::outgoing(const std::string& key) const {
  std::vector<const Link*> out;
  auto [a, b] = by_source_.equal_range(key);
  for (auto it = a; it != b; ++it) out.push_back(&links_[it->second]);
  return out;
}

std::vector<const Link*> LinkGraph::incoming(const std::string& key) const {
  std::vector<const Link*> out;
  auto [a, b] = by_target_.equal_range(key);
  for (auto it = a; it != b; ++it) out.push_back(&links_[it->second]);
  return out;
}

namespace {

class Linker {
 public:
  Linker(const SymbolTable& symbols, base::Diagnostics& diags, LinkGraph& graph)
      : symbols_(symbols), diags_(diags), graph_(graph) {}

  void refs(const std::string& plan, const Endpoint& from, const std::vector<model::Ref>& refs) {
    for (const auto& r : refs) add(plan, from, r.to, r.location, r.type, r.evidence, r.field, "", r.medium_confidence, false);
  }

  void markdown(const std::string& plan, const Endpoint& from, const markdown::Document& doc,
                const std::function<base::Location(std::size_t)>& where, const std::string& field) {
    for (const auto& w : doc.wikilinks)
      add(plan, from, w.target, where(w.offset), model::RefType::see, "", field, w.label, false, true);
  }

 private:
  void add(const std::string& plan, const Endpoint& from, const std::string& to, const base::Location& where,
           model::RefType type, const std::string& evidence, const std::string& field, const std::string& label,
           bool medium, bool from_markdown) {
    auto target = symbols_.resolve(plan, to);
    if (!target) {
      const auto hash = to.find('#');
      const std::string target_plan = hash == std::string::npos ? to : (hash == 0 ? plan : to.substr(0, hash));
      using base::arg, base::msg, base::Msg;
      base::CodedMessage message;
      if (hash == std::string::npos) message = msg<Msg::xref_unresolved_document>(arg<"to">(to));
      else if (!symbols_.resolve("", target_plan)) message = msg<Msg::xref_unresolved_plan>(arg<"plan">(target_plan), arg<"to">(to));
      else message = msg<Msg::xref_unresolved_item>(arg<"item">(to.substr(hash + 1)), arg<"plan">(target_plan));
      std::vector<base::Message> hints;
      if (auto s = symbols_.suggest(plan, to)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*s)));
      if (hash == std::string::npos && hints.empty()) hints.push_back(msg<Msg::xref_unresolved_declare_hint>());
      diags_.error(where, std::move(message), hints);
      return;
    }
    graph_.add(Link{from, *target, type, evidence, field, label, medium, from_markdown});
  }

  const SymbolTable& symbols_;
  base::Diagnostics& diags_;
  LinkGraph& graph_;
};

}  // namespace

LinkGraph link(const model::Model& model, const SymbolTable& symbols, base::Diagnostics& diags) {
  LinkGraph graph;
  Linker linker(symbols, diags, graph);
  for (const auto& p : model.plans) {
    const Endpoint plan_end{TargetKind::plan, p.id, "", 0};
    linker.refs(p.id, plan_end, p.refs);
    for (const auto& s : p.sections) {
      const auto src = s.source;
      linker.markdown(p.id, Endpoint{TargetKind::section, p.id, s.id, 0}, s.markdown,
                      [src](std::size_t off) { return base::Location::in(src, off); }, "");
    }
    model::for_each_category(p.categories, [&](const model::Category& c, int) {
      const Endpoint from{TargetKind::category, p.id, c.id, 0};
      linker.refs(p.id, from, c.refs);
      for (const auto& b : c.blocks) {
        // Block texts live inside JSON strings; report at the block (exact offsets need the pointer).
        const auto loc = b.location;
        linker.markdown(p.id, from, b.markdown, [loc](std::size_t) { return loc; }, "");
      }
    });
    for (const auto& item : p.items) {
      const Endpoint from{TargetKind::item, p.id, item.id, 0};
      linker.refs(p.id, from, item.refs);
      auto entry_markdown = [&](const model::Entry& e, const Endpoint& ep) {
        for (const auto& [key, value] : e.fields) {
          if (value.kind != model::FieldKind::markdown) continue;
          const auto loc = value.location;
          linker.markdown(p.id, ep, value.markdown, [loc](std::size_t) { return loc; }, key);
        }
      };
      entry_markdown(item, from);
      for (std::size_t i = 0; i < item.sub_items.size(); ++i) {
        const Endpoint sub{TargetKind::item, p.id, item.id, static_cast<int>(i + 1)};
        linker.refs(p.id, sub, item.sub_items[i].refs);
        entry_markdown(item.sub_items[i], sub);
      }
    }
  }
  return graph;
}

}  // namespace planpress::xref
