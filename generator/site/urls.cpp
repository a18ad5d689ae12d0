#include "site/urls.hpp"

#include <algorithm>

namespace planpress::site {

std::string plan_page(const std::string& plan) { return "plans/" + plan + "/index.html"; }
std::string item_page(const std::string& plan, const std::string& item) { return "plans/" + plan + "/items/" + item + ".html"; }
std::string plan_data_json(const std::string& plan) { return "data/" + plan + ".json"; }
std::string plan_data_csv(const std::string& plan) { return "data/" + plan + ".csv"; }
std::string plan_pdf(const std::string& plan) { return "pdf/" + plan + ".pdf"; }
std::string documents_page() { return "documents.html"; }

std::string endpoint_path(const xref::Endpoint& e) {
  switch (e.kind) {
    case xref::TargetKind::plan: return plan_page(e.plan);
    case xref::TargetKind::document: return documents_page() + "#doc-" + e.plan;
    case xref::TargetKind::item: return item_page(e.plan, e.id) + (e.sub_item > 0 ? "#sub-" + std::to_string(e.sub_item) : "");
    case xref::TargetKind::category: return plan_page(e.plan) + "#cat-" + e.id;
    case xref::TargetKind::section: return plan_page(e.plan) + "#sec-" + e.id;
  }
  return "index.html";
}

std::string root_prefix(const std::string& page) {
  std::string prefix;
  for (char c : page)
    if (c == '/') prefix += "../";
  return prefix;
}

}  // namespace planpress::site
