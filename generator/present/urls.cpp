#include "present/urls.hpp"

namespace planpress::present {

std::string home_page() { return "index.html"; }
std::string plan_page(const std::string& plan) { return "plans/" + plan + "/index.html"; }
std::string item_page(const std::string& plan, const std::string& item) { return "plans/" + plan + "/items/" + item + ".html"; }
std::string comparison_page(const std::string& plan) { return "plans/" + plan + "/comparison.html"; }
std::string series_page(const std::string& series) { return "series/" + series + ".html"; }
std::string plan_data_json(const std::string& plan) { return "data/" + plan + ".json"; }
std::string plan_data_csv(const std::string& plan) { return "data/" + plan + ".csv"; }
std::string catalog_json() { return "data/catalog.json"; }
std::string plan_pdf(const std::string& plan) { return "pdf/" + plan + ".pdf"; }
std::string documents_page() { return "documents.html"; }
std::string departments_page() { return "departments/index.html"; }
std::string department_page(const std::string& slug) { return "departments/" + slug + ".html"; }
std::string evaluations_page() { return "evaluations.html"; }
std::string xref_page() { return "xref.html"; }
std::string accessibility_page() { return "accessibility.html"; }
std::string search_page() { return "search.html"; }
std::string not_found_page() { return "404.html"; }
std::string sitemap() { return "sitemap.xml"; }
std::string sitemap_page() { return "sitemap.html"; }

std::string section_anchor(const std::string& id) { return "sec-" + id; }
std::string category_anchor(const std::string& id) { return "cat-" + id; }
std::string indicator_anchor(const std::string& id) { return "ind-" + id; }
std::string document_anchor(const std::string& id) { return "doc-" + id; }
std::string sub_item_anchor(int index) { return "sub-" + std::to_string(index); }
std::string item_anchor(const std::string& id) { return "item-" + id; }

std::string with_anchor(const std::string& path, const std::string& anchor) { return path + "#" + anchor; }

std::string endpoint_path(const xref::Endpoint& e) {
  switch (e.kind) {
    case xref::TargetKind::plan: return plan_page(e.plan);
    case xref::TargetKind::document: return with_anchor(documents_page(), document_anchor(e.plan));
    case xref::TargetKind::item:
      return e.sub_item > 0 ? with_anchor(item_page(e.plan, e.id), sub_item_anchor(e.sub_item)) : item_page(e.plan, e.id);
    case xref::TargetKind::category: return with_anchor(plan_page(e.plan), category_anchor(e.id));
    case xref::TargetKind::section: return with_anchor(plan_page(e.plan), section_anchor(e.id));
  }
  return home_page();
}

std::string absolute_url(const std::string& base_url, const std::string& path) {
  if (base_url.empty()) return path;
  return base_url.back() == '/' ? base_url + path : base_url + "/" + path;
}

std::string pdf_file(const std::string& plan) { return plan + ".pdf"; }

std::string pdf_destination(const xref::Endpoint& e) {
  switch (e.kind) {
    case xref::TargetKind::item: return item_anchor(e.id);
    case xref::TargetKind::category: return category_anchor(e.id);
    case xref::TargetKind::section: return section_anchor(e.id);
    case xref::TargetKind::plan:
    case xref::TargetKind::document: break;
  }
  return {};
}

std::string root_prefix(const std::string& page) {
  std::string prefix;
  for (char c : page)
    if (c == '/') prefix += "../";
  return prefix;
}

std::string relative_link(const std::string& from, const std::string& target) { return root_prefix(from) + target; }

std::string percent_encoded(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                       c == '_' || c == '~' || c == '/' || c == '#';
    if (plain) out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string short_link(const std::string& from, const std::string& target) {
  const auto hash = target.find('#');
  if (hash != std::string::npos && target.compare(0, hash, from) == 0 && hash == from.size()) return target.substr(hash);
  const auto slash = from.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string() : from.substr(0, slash + 1);
  if (target.compare(0, dir.size(), dir) == 0) return target.substr(dir.size());
  return relative_link(from, target);
}

}  // namespace planpress::present
