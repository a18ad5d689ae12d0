// Views across plans: departments (担当課, normalised so the same department in different plans is one
// page), evaluations (each plan's rating fields and the items behind each value), and the
// cross-reference map (which plan links to which, with counts and the links themselves).
#include <map>
#include <set>

#include "present/titles.hpp"
#include "present/urls.hpp"
#include "present/values.hpp"
#include "site/page_builder.hpp"

namespace planpress::site {

using namespace present;

json PageBuilder::departments_index_context() const {
  const std::string page = departments_page();
  // By municipality (a department belongs to one: 総務局人事課 of 仙台市 is not that of another city),
  // then each bureau (局・室), units outside any bureau (区役所・総合支所), and roles (局区, 各職場 …); groups
  // and their rows in the one department order.
  const std::string kRoles = "\x01roles";
  auto group_of = [&](const assemble::Department& d) { return d.unit.generic ? kRoles : d.unit.bureau; };
  std::vector<std::string> municipalities;
  for (const auto& d : a_.departments)
    if (std::find(municipalities.begin(), municipalities.end(), d.municipality) == municipalities.end())
      municipalities.push_back(d.municipality);
  json out = json::array();
  int group_id = 0;
  for (const auto& muni : municipalities) {
    std::vector<std::string> bureaus;
    for (const auto& d : a_.departments)
      if (d.municipality == muni && std::find(bureaus.begin(), bureaus.end(), group_of(d)) == bureaus.end())
        bureaus.push_back(group_of(d));
    std::stable_sort(bureaus.begin(), bureaus.end(), [&](const std::string& a, const std::string& b) {
      auto rank = [&](const std::string& x) { return x == kRoles ? 2 : x.empty() ? 1 : 0; };
      return rank(a) < rank(b);
    });
    json groups = json::array();
    std::size_t count = 0;
    for (const auto& b : bureaus) {
      json rows = json::array();
      for (const auto& d : a_.departments) {
        if (d.municipality != muni || group_of(d) != b) continue;
        ++count;
        std::string plan_list;
        for (const auto& p : m_.plans) {
          const bool names = std::any_of(d.assignments.begin(), d.assignments.end(), [&](const auto& a) { return a.plan == &p; });
          if (names) plan_list += (plan_list.empty() ? "" : "、") + p.display_title();
        }
        rows.push_back(json{{"name", d.unit.name}, {"href", short_link(page, d.page)}, {"count", d.item_count}, {"plans", plan_list}});
      }
      const std::string title = b == kRoles ? "全庁・各所属（特定の課を指さない担当）" : b.empty() ? "区役所・総合支所など" : b;
      groups.push_back(json{{"title", title}, {"caption", muni + "　" + title}, {"rows", rows},
                            {"id", "bureau-" + std::to_string(++group_id)}});
    }
    out.push_back(json{{"municipality", muni}, {"groups", groups}, {"count", count},
                       {"id", "municipality-" + std::to_string(out.size() + 1)}});
  }
  return json{{"title", "担当課別の取組"}, {"municipalities", out}, {"department_count", a_.departments.size()},
              {"breadcrumbs", crumbs(page)},
              {"description", "各計画の担当課（所管局）ごとに、その課が担当する取組項目を計画を横断して一覧にしています。"}};
}

json PageBuilder::department_context(const assemble::Department& d) const {
  const std::string& page = d.page;
  // Items grouped by plan, in plan order.
  json plans = json::array();
  json older = json::array();  // editions a newer edition of their series replaces: shown on request
  std::set<const model::Item*> current, past;  // distinct items, as Department::item_count counts them
  for (const auto& p : m_.plans) {
    json items = json::array();
    for (const auto& a : d.assignments) {
      if (a.plan != &p) continue;
      (a_.superseded(p) ? past : current).insert(a.item);
      const xref::Endpoint e{xref::TargetKind::item, p.id, a.item->id, a.sub_item};
      json j = target_json(e, page);
      const auto* def = p.field(a.field);
      const auto& entry = a.sub_item > 0 ? static_cast<const model::Entry&>(a.item->sub_items[static_cast<std::size_t>(a.sub_item) - 1])
                                         : static_cast<const model::Entry&>(*a.item);
      j["printed"] = a.printed;
      j["field_label"] = def ? field_label(entry, *def) : a.field;
      if (a.sub_item > 0) {
        j["sub_item"] = a.item->sub_items[static_cast<std::size_t>(a.sub_item) - 1].name;
        j["sub_item_label"] = p.presentation.sub_items_label;
      }
      items.push_back(j);
    }
    if (items.empty()) continue;
    json entry{{"title", p.title}, {"href", relative_link(page, plan_page(p.id))}, {"count", items.size()}};
    if (a_.superseded(p)) {
      entry["items"] = items;
      older.push_back(entry);
    } else {
      entry["items"] = items;
      plans.push_back(entry);
    }
  }
  json siblings = json::array();
  for (const auto& o : a_.departments)
    if (&o != &d && o.municipality == d.municipality && !d.unit.generic && !o.unit.generic && !d.unit.bureau.empty() &&
        o.unit.bureau == d.unit.bureau)
      siblings.push_back(json{{"name", o.unit.name}, {"href", short_link(page, o.page)}});
  return json{{"title", d.title}, {"name", d.unit.name}, {"municipality", d.municipality},
              {"bureau", d.unit.generic ? "" : d.unit.bureau},
              {"generic", d.unit.generic}, {"plans", plans}, {"item_count", current.size()},
              {"older", older.empty() ? json(nullptr) : json{{"list", older}, {"count", past.size()}}},
              {"siblings", listing(siblings)}, {"breadcrumbs", crumbs(page)}, {"index_href", short_link(page, departments_page())},
              {"description", d.municipality + d.unit.name + "が担当する取組項目の一覧（計画横断）"}};
}

json PageBuilder::evaluations_context() const {
  const std::string page = evaluations_page();
  json plans = json::array();
  for (const auto& p : m_.plans) {
    json fields = json::array();
    for (const auto& f : a_.rollups(p).fields) {
      if (f.field->kind != model::FieldKind::rating) continue;
      json values = json::array();
      for (const auto& v : f.values) {
        json items = json::array();
        for (const auto* i : v.items) items.push_back(target_json(xref::Endpoint{xref::TargetKind::item, p.id, i->id, 0}, page));
        values.push_back(json{{"value", v.value->value}, {"label", v.value->label}, {"count", v.items.size()}, {"items", listing(items)},
                              {"anchor", p.id + "-" + f.field->key + "-" + std::to_string(values.size() + 1)}});
      }
      fields.push_back(json{{"label", f.field->label}, {"values", values}, {"id", p.id + "-" + f.field->key}});
    }
    if (!fields.empty())
      plans.push_back(json{{"title", p.title}, {"href", relative_link(page, plan_page(p.id))}, {"municipality", p.municipality},
                           {"period", p.period ? period_wareki(*p.period) : std::string()}, {"fields", fields}});
  }
  return json{{"title", "評価別の取組"}, {"plans", listing(plans)}, {"breadcrumbs", crumbs(page)},
              {"description", "自己評価などの評価欄をもつ計画について、評価ごとの件数と該当する取組項目を一覧にしています。"}};
}

json PageBuilder::xref_map_context() const {
  const std::string page = xref_page();
  // Columns: every plan, then the external documents taken together.
  const std::string kDocuments = "(documents)";
  std::vector<std::string> targets;
  for (const auto& p : m_.plans) targets.push_back(p.id);
  targets.push_back(kDocuments);
  std::map<std::pair<std::string, std::string>, std::vector<const xref::Link*>> pairs;
  for (const auto& l : in_.links.links()) {
    const std::string to = l.to.kind == xref::TargetKind::document ? kDocuments : l.to.plan;
    pairs[{l.from.plan, to}].push_back(&l);
  }
  auto anchor = [](const std::string& from, const std::string& to) { return "pair-" + from + "--" + (to == "(documents)" ? "documents" : to); };
  json head = json::array();
  for (const auto& t : targets) {
    if (t == kDocuments) head.push_back(json{{"title", "本サイト未掲載の文書"}});
    else head.push_back(json{{"title", m_.find_plan(t)->display_title()}});
  }
  json rows = json::array();
  for (const auto& p : m_.plans) {
    json cells = json::array();
    std::size_t total = 0;
    for (const auto& t : targets) {
      auto it = pairs.find({p.id, t});
      const std::size_t n = it == pairs.end() ? 0 : it->second.size();
      total += n;
      cells.push_back(json{{"count", n}, {"href", n ? "#" + anchor(p.id, t) : ""}, {"self", t == p.id}});
    }
    rows.push_back(json{{"title", p.display_title()}, {"cells", cells}, {"total", total}});
  }
  json lists = json::array();
  for (const auto& [key, links] : pairs) {
    const auto* from = m_.find_plan(key.first);
    json items = json::array();
    for (const auto* l : links) {
      json j = target_json(l->to, page);
      j["from"] = target_json(l->from, page);
      j["type_label"] = link_label(l->type, false);
      j["evidence"] = l->evidence;
      j["medium"] = l->medium_confidence;
      j["in_text"] = l->from_markdown;
      items.push_back(j);
    }
    const std::string to_title = key.second == kDocuments ? "本サイト未掲載の文書" : m_.find_plan(key.second)->display_title();
    lists.push_back(json{{"anchor", anchor(key.first, key.second)}, {"from", from ? from->display_title() : key.first},
                         {"to", to_title}, {"count", links.size()}, {"links", items}});
  }
  return json{{"title", "計画間の相互参照"}, {"head", head}, {"rows", rows}, {"pairs", lists},
              {"link_count", in_.links.links().size()}, {"breadcrumbs", crumbs(page)},
              {"description", "どの計画がどの計画・文書を参照しているかを、件数と個々の参照（根拠つき）で示します。"}};
}

}  // namespace planpress::site
