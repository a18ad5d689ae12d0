// site.json: the site's title and organisation, PDF settings, department aliases.
#include "validate/document_reader.hpp"

namespace planpress::validate {

Site read_site(const content::JsonDocument& doc, base::Diagnostics& diags) {
  DocumentReader v(doc, diags);
  auto& r = v.reader();
  Site site;
  auto root = r.root("site");
  if (!r.expect_object(root, keys::site)) return site;
  site.title = r.text(root, "title");
  site.organisation = r.text(root, "organisation");
  site.description = r.text(root, "description");
  site.base_url = r.text(root, "base_url");
  if (!site.base_url.empty() && site.base_url.rfind("https://", 0) != 0 && site.base_url.rfind("http://", 0) != 0)
    diags.error(base::Code::wrong_type, r.at(r.member(root, "base_url").pointer), "base_url must be an absolute http(s) URL");
  if (auto pdf = r.member(root, "pdf"); r.expect_object(pdf, keys::site_pdf)) {
    if (auto m = r.member(pdf, "margins_mm"); r.expect_object(m, keys::site_margins)) {
      auto margin = [&](const char* key, double& out) {
        auto val = r.member(m, key);
        if (!val) return;
        if (!val.json->is_number()) r.wrong_type(val, "a number of millimetres");
        else if (val.json->get<double>() < 5 || val.json->get<double>() > 60)
          diags.error(base::Code::out_of_range, r.at(val.pointer), val.what + " is " + val.json->dump() + ", outside 5–60 mm");
        else out = val.json->get<double>();
      };
      margin("top", site.pdf.margin_top);
      margin("bottom", site.pdf.margin_bottom);
      margin("left", site.pdf.margin_left);
      margin("right", site.pdf.margin_right);
    }
    if (auto f = r.member(pdf, "fonts"); r.expect_object(f, keys::site_fonts)) {
      site.pdf.fonts_location = r.at(f.pointer);
      if (r.member(f, "mincho")) site.pdf.font_mincho = r.text(f, "mincho");
      if (r.member(f, "gothic")) site.pdf.font_gothic = r.text(f, "gothic");
      if (auto fb = r.member(f, "fallback"); fb) {
        if (!fb.json->is_array()) r.wrong_type(fb, "an array of font file paths");
        else
          for (const auto& e : r.elements(fb, "fallback font")) {
            if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, "a font file path");
            else site.pdf.font_fallback.push_back(e.json->get<std::string>());
          }
      }
    }
    if (r.member(pdf, "page_number")) {
      site.pdf.page_number = r.text(pdf, "page_number");
      if (site.pdf.page_number.find("{page}") == std::string::npos)
        diags.error(base::Code::wrong_type, r.at(r.member(pdf, "page_number").pointer), "page_number must contain {page}",
                    {"for example \"- {page} -\""});
    }
  }
  if (auto a = r.member(root, "department_aliases"); a) {
    if (!a.json->is_object()) r.wrong_type(a, "an object (printed name → canonical name)");
    else
      for (auto it = a.json->begin(); it != a.json->end(); ++it) {
        if (!it.value().is_string() || it.value().get<std::string>().empty())
          r.wrong_type(JsonRef{&it.value(), content::pointer_append(a.pointer, it.key()), "alias of '" + it.key() + "'"},
                       "a non-empty string");
        else site.department_aliases[it.key()] = it.value().get<std::string>();
      }
  }
  return site;
}

}  // namespace planpress::validate
