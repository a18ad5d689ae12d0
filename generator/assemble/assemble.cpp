#include "assemble/assemble.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "present/titles.hpp"
#include "present/urls.hpp"

namespace planpress::assemble {

namespace {

FieldRollup field_rollup(const model::Plan& p, const model::FieldDef& def, const model::Vocabulary& voc) {
  FieldRollup r{&def, &voc, {}, 0};
  for (const auto& val : voc.values) {
    ValueRollup v{&val, {}};
    for (const auto& i : p.items) {
      auto it = i.fields.find(def.key);
      if (it == i.fields.end()) continue;
      const auto& fv = it->second;
      const bool has = def.kind == model::FieldKind::tags ? std::count(fv.values.begin(), fv.values.end(), val.value) > 0
                                                          : fv.text == val.value;
      if (has) v.items.push_back(&i);
    }
    r.values.push_back(std::move(v));
  }
  for (const auto& i : p.items)
    if (!i.fields.count(def.key)) ++r.without;
  return r;
}

PlanRollups plan_rollups(const model::Plan& p, const std::vector<Department>& departments) {
  PlanRollups r;
  r.plan = &p;
  for (const auto& def : p.fields) {
    if (def.kind != model::FieldKind::status && def.kind != model::FieldKind::rating && def.kind != model::FieldKind::tags) continue;
    if (const auto* voc = p.vocabulary(def.vocabulary)) r.fields.push_back(field_rollup(p, def, *voc));
  }
  for (const auto& d : departments) {
    std::set<const model::Item*> items;
    for (const auto& a : d.assignments)
      if (a.plan == &p) items.insert(a.item);
    if (!items.empty()) r.departments.push_back(DepartmentRollup{&d, items.size()});
  }
  for (const auto& i : p.items)
    if (!i.category.empty()) r.items_by_category[i.category].push_back(&i);
  return r;
}

void add_navigation(const model::Model& model, Assembly& a) {
  const NavLink home{"ホーム", present::home_page()};
  for (const auto& page : {present::documents_page(), present::accessibility_page(), present::departments_page(),
                           present::evaluations_page(), present::xref_page(), present::sitemap_page()})
    a.navigation[page].parents = {home};
  for (const auto& d : a.departments)
    a.navigation[d.page].parents = {home, NavLink{"担当課別", present::departments_page()}};
  for (const auto& p : model.plans) {
    a.navigation[present::plan_page(p.id)].parents = {home};
    const NavLink plan{p.display_title(), present::plan_page(p.id)};
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      auto& nav = a.navigation[present::item_page(p.id, p.items[i].id)];
      // One trail: home, the plan, then the item's categories (outermost first), each at its place on the
      // plan's page.
      nav.parents = {home, plan};
      std::vector<const model::Category*> path;
      std::function<bool(const std::vector<model::Category>&)> walk = [&](const std::vector<model::Category>& cats) {
        for (const auto& c : cats) {
          path.push_back(&c);
          if (c.id == p.items[i].category || walk(c.children)) return true;
          path.pop_back();
        }
        return false;
      };
      if (!p.items[i].category.empty()) walk(p.categories);
      for (const auto* c : path)
        nav.parents.push_back(NavLink{present::category_title(*c), present::with_anchor(present::plan_page(p.id), present::category_anchor(c->id))});
      auto link = [&](const model::Item& other) { return NavLink{present::entry_title(other), present::item_page(p.id, other.id)}; };
      if (i > 0) nav.prev = link(p.items[i - 1]);
      if (i + 1 < p.items.size()) nav.next = link(p.items[i + 1]);
    }
  }
}

}  // namespace

const PlanRollups& Assembly::rollups(const model::Plan& p) const {
  for (const auto& r : plans)
    if (r.plan == &p) return r;
  static const PlanRollups none;
  return none;
}

std::vector<const Department*> Assembly::departments_of(const std::string& municipality, const std::string& printed) const {
  std::vector<const Department*> out;
  if (auto it = by_printed.find(municipality + "\x1F" + printed); it != by_printed.end())
    for (auto i : it->second) out.push_back(&departments[i]);
  return out;
}

const present::ChartSpec* Assembly::chart(const model::Indicator& ind) const {
  auto it = charts.find(&ind);
  return it == charts.end() ? nullptr : &it->second;
}

const Series* Assembly::series_of(const model::Plan& p) const {
  if (!p.series) return nullptr;
  for (const auto& s : series)
    if (s.id == p.series->id) return &s;
  return nullptr;
}

bool Assembly::superseded(const model::Plan& p) const {
  const Series* s = series_of(p);
  return s && s->editions.back() != &p;
}

const Comparison* Assembly::comparison_into(const model::Plan& p) const {
  if (const Series* s = series_of(p))
    for (const auto& c : s->comparisons)
      if (c.after == &p) return &c;
  return nullptr;
}

const Navigation& Assembly::navigation_of(const std::string& page) const {
  static const Navigation none;
  auto it = navigation.find(page);
  return it == navigation.end() ? none : it->second;
}

Assembly assemble(const model::Model& model) {
  Assembly a;
  a.departments = index_departments(model);
  std::map<std::string, std::size_t> index;  // municipality, U+001F, name
  for (std::size_t i = 0; i < a.departments.size(); ++i)
    index[a.departments[i].municipality + "\x1F" + a.departments[i].unit.name] = i;
  for (const auto& d : a.departments)
    for (const auto& as : d.assignments) {
      const std::string key = d.municipality + "\x1F" + as.printed;
      if (a.by_printed.count(key)) continue;
      auto& ids = a.by_printed[key];
      for (const auto& unit : split_department(as.printed, model.site.department_aliases))
        ids.push_back(index.at(d.municipality + "\x1F" + unit.name));
    }
  for (const auto& p : model.plans) {
    a.plans.push_back(plan_rollups(p, a.departments));
    for (const auto& ind : p.indicators)
      if (auto spec = present::chart_spec(ind)) a.charts.emplace(&ind, std::move(*spec));
  }
  a.series = assemble_series(model);
  add_navigation(model, a);
  const NavLink home{"ホーム", present::home_page()};
  for (const auto& s : a.series) {
    a.navigation[present::series_page(s.id)].parents = {home};
    for (const auto& c : s.comparisons)
      a.navigation[present::comparison_page(c.after->id)].parents = {
          home, NavLink{s.title, present::series_page(s.id)}, NavLink{c.after->display_title(), present::plan_page(c.after->id)}};
  }
  return a;
}

}  // namespace planpress::assemble
