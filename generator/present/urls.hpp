#pragma once
/// The output layout (DESIGN.md), decided here once for every writer: the path of every page and file
/// relative to the site root, the anchors (fragment ids) of sections, categories, indicators, documents,
/// sub-items and (in PDFs) items, and relative links between them.
#include <string>

#include "xref/xref.hpp"

namespace planpress::present {

// ---- pages and files (root-relative paths) ----------------------------------------------------------
std::string home_page();                                                  ///< index.html
std::string plan_page(const std::string& plan);                           ///< plans/<id>/index.html
std::string item_page(const std::string& plan, const std::string& item);  ///< plans/<id>/items/<item>.html
/// plans/<id>/comparison.html: the 新旧対照表 between the previous edition of the series and this one.
std::string comparison_page(const std::string& plan);
std::string series_page(const std::string& series);                       ///< series/<series-id>.html
std::string plan_data_json(const std::string& plan);                      ///< data/<id>.json
std::string plan_data_csv(const std::string& plan);                       ///< data/<id>.csv
std::string catalog_json();                                               ///< data/catalog.json
std::string plan_pdf(const std::string& plan);                            ///< pdf/<id>.pdf
std::string documents_page();                                             ///< documents.html
std::string departments_page();                                           ///< departments/index.html
std::string department_page(const std::string& slug);                     ///< departments/<slug>.html
std::string evaluations_page();                                           ///< evaluations.html
std::string xref_page();                                                  ///< xref.html
std::string accessibility_page();                                         ///< accessibility.html
std::string search_page();                                                ///< search.html
std::string not_found_page();                                             ///< 404.html
std::string sitemap();                                                    ///< sitemap.xml (for search engines)
std::string sitemap_page();                                               ///< sitemap.html (for readers)

// ---- anchors (fragment ids, without '#') ------------------------------------------------------------
std::string section_anchor(const std::string& id);    ///< sec-<id> (plan page and PDF)
std::string category_anchor(const std::string& id);   ///< cat-<id> (plan page and PDF)
std::string indicator_anchor(const std::string& id);  ///< ind-<id> (plan page and PDF)
std::string document_anchor(const std::string& id);   ///< doc-<id> (documents page)
std::string sub_item_anchor(int index);               ///< sub-<n>, 1-based (item page)
std::string item_anchor(const std::string& id);       ///< item-<id> (PDF; on the web an item has its page)

/// `path` with `#anchor` appended.
std::string with_anchor(const std::string& path, const std::string& anchor);

/// Path (with fragment) of any link target, relative to the site root.
std::string endpoint_path(const xref::Endpoint& e);

// ---- links from a PDF ---------------------------------------------------------------------------------
/// `path` (root-relative) under the site's address `base_url` ("https://example.jp/keikaku/" or without
/// the final slash): the absolute URL a PDF links to, since a PDF is read away from the site.
std::string absolute_url(const std::string& base_url, const std::string& path);
/// The file name of a plan's PDF, as another PDF in the same folder links to it: "<id>.pdf".
std::string pdf_file(const std::string& plan);
/// The named destination of a link target in its plan's PDF (item-, cat-, sec-; "" for a whole plan, which
/// opens at its first page). Every anchor of a PDF is a named destination.
std::string pdf_destination(const xref::Endpoint& e);

// ---- relative links -----------------------------------------------------------------------------------
/// The prefix that leads from `page` (a root-relative path) back to the root: "" or "../../".
std::string root_prefix(const std::string& page);
/// `target` (root-relative) as a link from page `from` through the root: "../../plans/x/index.html".
std::string relative_link(const std::string& from, const std::string& target);
/// `path` with every byte outside the unreserved characters of RFC 3986 and '/' percent-encoded, for the
/// places that need an ASCII URL (sitemap.xml); pages link with the UTF-8 path, which HTML allows.
std::string percent_encoded(const std::string& path);
/// The shortest link from page `from` to `target`: "#anchor" on the same page, "items/4.html" or
/// "d-1a2b.html" in the same folder or below it; otherwise through the root like relative_link.
std::string short_link(const std::string& from, const std::string& target);

}  // namespace planpress::present
