#pragma once
/// The output layout (DESIGN.md): every page's path relative to the site root, and relative links.
#include <string>

#include "xref/xref.hpp"

namespace planpress::site {

std::string plan_page(const std::string& plan);                             ///< plans/<id>/index.html
std::string item_page(const std::string& plan, const std::string& item);    ///< plans/<id>/items/<item>.html
std::string plan_data_json(const std::string& plan);                        ///< data/<id>.json
std::string plan_data_csv(const std::string& plan);                         ///< data/<id>.csv
std::string plan_pdf(const std::string& plan);                              ///< pdf/<id>.pdf
std::string documents_page();                                               ///< documents.html
/// Path (with fragment) of any link target, relative to the site root.
std::string endpoint_path(const xref::Endpoint& e);
/// The prefix that leads from `page` (a root-relative path) back to the root: "" or "../../".
std::string root_prefix(const std::string& page);

}  // namespace planpress::site
