#include "xref/xref.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>

#include "base/suggest.hpp"

namespace planpress::xref {

using base::arg;
using base::msg;
using base::Msg;

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

  // `fragments`: the anchors a "#…" link may name from this text (the page it is shown on).
  void markdown(const std::string& plan, const Endpoint& from, const markdown::Document& doc,
                const std::function<base::Location(std::size_t)>& where, const std::string& field,
                const std::optional<std::vector<std::string>>& fragments) {
    for (const auto& w : doc.wikilinks)
      add(plan, from, w.target, where(w.offset), model::RefType::see, "", field, w.label, false, true);
    check_links(doc.root, plan, where, fragments);
  }

 private:
  void add(const std::string& plan, const Endpoint& from, const std::string& to, const base::Location& where,
           model::RefType type, const std::string& evidence, const std::string& field, const std::string& label,
           bool medium, bool from_markdown) {
    auto target = symbols_.resolve(plan, to);
    if (!target) {
      const auto hash = to.find('#');
      const std::string target_plan = hash == std::string::npos ? to : (hash == 0 ? plan : to.substr(0, hash));
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
    if (target->key() == from.key() && target->kind == from.kind) {
      static const Msg kinds[] = {Msg::term_plan, Msg::term_external_document, Msg::term_item, Msg::term_category, Msg::term_section};
      diags_.error(where, msg<Msg::xref_cycle_self>(arg<"to">(to), arg<"kind">(base::Message{kinds[static_cast<int>(from.kind)], {}})),
                   {msg<Msg::xref_cycle_self_hint>()});
      return;
    }
    graph_.add(Link{from, *target, type, evidence, field, label, medium, from_markdown, where});
  }

  // Markdown links ([text](url)): external ones are left alone; a "#anchor" must exist on the page; a path
  // inside the site ("/plans/p-99/#sec3", "../pdf/a.pdf") is refused: it breaks from file:// and nothing
  // checks it, while [[p-99#sec3]] is checked and written relative to each page.
  void check_links(const markdown::Node& node, const std::string& plan, const std::function<base::Location(std::size_t)>& where,
                   const std::optional<std::vector<std::string>>& fragments) {
    if (node.kind == markdown::NodeKind::link && !node.url.empty()) {
      const std::string& url = node.url;
      const auto colon = url.find(':');
      const bool has_scheme = colon != std::string::npos && colon > 0 &&
                              url.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") >= colon &&
                              std::isalpha(static_cast<unsigned char>(url[0]));
      if (url.rfind("#", 0) == 0) {
        const std::string anchor = url.substr(1);
        if (fragments && std::find(fragments->begin(), fragments->end(), anchor) == fragments->end()) {
          std::vector<base::Message> hints;
          if (auto m = base::closest_match(anchor, *fragments)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">("#" + *m)));
          hints.push_back(msg<Msg::xref_unresolved_anchor_hint>());
          diags_.error(where(node.offset), msg<Msg::xref_unresolved_anchor>(arg<"url">(url), arg<"plan">(plan)), hints);
        }
      } else if (!has_scheme && url.rfind("//", 0) != 0) {
        diags_.error(where(node.offset), msg<Msg::markdown_site_link_link>(arg<"url">(url)), {msg<Msg::markdown_site_link_hint>()});
      }
    }
    for (const auto& c : node.children) check_links(c, plan, where, fragments);
  }

  const SymbolTable& symbols_;
  base::Diagnostics& diags_;
  LinkGraph& graph_;
};

// Reference types that order what they link: a cycle among them (two plans each other's predecessor) is a
// mistake. See, related and repost may well go both ways.
void report_cycles(const LinkGraph& graph, base::Diagnostics& diags) {
  using model::RefType;
  for (const RefType type : {RefType::predecessor, RefType::based_on, RefType::progress_of, RefType::includes,
                             RefType::branch_of, RefType::excerpt_of}) {
    std::map<std::string, std::vector<const Link*>> out;
    for (const auto& l : graph.links())
      if (l.type == type) out[l.from.key()].push_back(&l);
    std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
    // Depth-first with an explicit stack: a chain of 100,000 items each including the next must not
    // exhaust the call stack. frames[k] is a node on the path and the next of its links to follow;
    // path[k] the link that led from frames[k] to frames[k + 1].
    struct Frame {
      std::string node;
      std::size_t next = 0;
    };
    for (const auto& [root, _] : out) {
      if (state[root] != 0) continue;
      std::vector<Frame> frames{{root, 0}};
      std::vector<const Link*> path;
      state[root] = 1;
      while (!frames.empty()) {
        Frame& f = frames.back();
        const auto& links = out[f.node];
        if (f.next == links.size()) {
          state[f.node] = 2;
          frames.pop_back();
          if (!path.empty()) path.pop_back();
          continue;
        }
        const Link* l = links[f.next++];
        const std::string next = l->to.key();
        if (state[next] == 1) {
          // The cycle is the part of the path from `next` to here, closed by `l`.
          std::vector<std::string> nodes{next};
          auto it = std::find_if(path.begin(), path.end(), [&](const Link* p) { return p->from.key() == next; });
          for (; it != path.end(); ++it) nodes.push_back((*it)->to.key());
          nodes.push_back(next);
          // A long cycle is named by its ends: the message stays one line.
          auto joined = [&](std::size_t from, std::size_t to) {
            std::string out;
            for (std::size_t k = from; k < to; ++k) out += (k > from ? " → " : "") + nodes[k];
            return out;
          };
          const base::Message chain =
              nodes.size() > 8 ? msg<Msg::common_chain_more>(arg<"head">(joined(0, 4)), arg<"n">(nodes.size() - 7),
                                                             arg<"tail">(joined(nodes.size() - 3, nodes.size())))
                               : base::verbatim(joined(0, nodes.size()));
          const std::string type_name(model::to_string(type));
          diags.error(l->location, msg<Msg::xref_cycle_cycle>(arg<"type">(type_name), arg<"chain">(chain)),
                      {msg<Msg::xref_cycle_cycle_hint>(arg<"type">(type_name), arg<"label">(std::string(model::label_of(type))))});
        } else if (state[next] == 0) {
          state[next] = 1;
          path.push_back(l);
          frames.push_back({next, 0});
        }
      }
    }
  }
}

}  // namespace

LinkGraph link(const model::Model& model, const SymbolTable& symbols, base::Diagnostics& diags, const AnchorNames& anchors) {
  LinkGraph graph;
  Linker linker(symbols, diags, graph);
  for (const auto& p : model.plans) {
    const Endpoint plan_end{TargetKind::plan, p.id, "", 0};
    linker.refs(p.id, plan_end, p.refs);
    // The anchors of the plan's page (and of its PDF): sections, categories, indicators.
    std::optional<std::vector<std::string>> fragments;
    if (anchors.section && anchors.category && anchors.indicator) {
      fragments.emplace();
      for (const auto& s : p.sections) fragments->push_back(anchors.section(s.id));
      model::for_each_category(p.categories, [&](const model::Category& c, int) { fragments->push_back(anchors.category(c.id)); });
      for (const auto& ind : p.indicators) fragments->push_back(anchors.indicator(ind.id));
    }
    for (const auto& s : p.sections) {
      const auto src = s.source;
      linker.markdown(p.id, Endpoint{TargetKind::section, p.id, s.id, 0}, s.markdown,
                      [src](std::size_t off) { return base::Location::in(src, off); }, "", fragments);
    }
    model::for_each_category(p.categories, [&](const model::Category& c, int) {
      const Endpoint from{TargetKind::category, p.id, c.id, 0};
      linker.refs(p.id, from, c.refs);
      for (const auto& b : c.blocks) {
        // Block texts live inside JSON strings; report at the block (exact offsets need the pointer).
        const auto loc = b.location;
        linker.markdown(p.id, from, b.markdown, [loc](std::size_t) { return loc; }, "", fragments);
      }
    });
    for (const auto& item : p.items) {
      const Endpoint from{TargetKind::item, p.id, item.id, 0};
      linker.refs(p.id, from, item.refs);
      // An item's fields are shown on its own page, whose anchors are its sub-items (sub-1 …).
      std::optional<std::vector<std::string>> item_fragments;
      if (anchors.sub_item) {
        item_fragments.emplace();
        for (std::size_t k = 1; k <= item.sub_items.size(); ++k) item_fragments->push_back(anchors.sub_item(static_cast<int>(k)));
      }
      auto entry_markdown = [&](const model::Entry& e, const Endpoint& ep) {
        for (const auto& [key, value] : e.fields) {
          if (value.kind != model::FieldKind::markdown) continue;
          const auto loc = value.location;
          linker.markdown(p.id, ep, value.markdown, [loc](std::size_t) { return loc; }, key, item_fragments);
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
  report_cycles(graph, diags);
  return graph;
}

}  // namespace planpress::xref
