// site.json: the site's title and organisation, PDF settings, how departments are named and ordered.
#include <algorithm>

#include "base/suggest.hpp"
#include "validate/document_reader.hpp"

namespace planpress::validate {

namespace {

// "pdf": margins, fonts and the page-number pattern.
void read_pdf_settings(JsonReader& r, const JsonRef& pdf, PdfSettings& out, base::Diagnostics& diags) {
  if (auto m = r.member(pdf, "margins_mm"); r.expect_object(m, keys::site_margins)) {
    auto margin = [&](const char* key, double& value) {
      auto val = r.member(m, key);
      if (!val) return;
      if (!val.json->is_number()) r.wrong_type(val, "a number of millimetres");
      else if (val.json->get<double>() < 5 || val.json->get<double>() > 60)
        diags.error(base::Code::out_of_range, r.at(val.pointer), val.what + " is " + val.json->dump() + ", outside 5–60 mm");
      else value = val.json->get<double>();
    };
    margin("top", out.margin_top);
    margin("bottom", out.margin_bottom);
    margin("left", out.margin_left);
    margin("right", out.margin_right);
  }
  if (auto f = r.member(pdf, "fonts"); r.expect_object(f, keys::site_fonts)) {
    out.fonts_location = r.at(f.pointer);
    if (r.member(f, "mincho")) out.font_mincho = r.text(f, "mincho");
    if (r.member(f, "gothic")) out.font_gothic = r.text(f, "gothic");
    if (auto fb = r.member(f, "fallback"); fb) {
      if (!fb.json->is_array()) r.wrong_type(fb, "an array of font file paths");
      else
        for (const auto& e : r.elements(fb, "fallback font")) {
          if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, "a font file path");
          else out.font_fallback.push_back(e.json->get<std::string>());
        }
    }
  }
  if (r.member(pdf, "page_number")) {
    out.page_number = r.text(pdf, "page_number");
    if (out.page_number.find("{page}") == std::string::npos)
      diags.error(base::Code::wrong_type, r.at(r.member(pdf, "page_number").pointer), "page_number must contain {page}",
                  {"for example \"- {page} -\""});
  }
}

// An object of non-empty strings by name ("department_aliases", "department_readings"); `object_what`
// says what the object maps, `value_what` names a value in messages ("alias" → "alias of '労務課'").
void read_string_map(JsonReader& r, const JsonRef& v, const std::string& object_what, const std::string& value_what,
                     std::map<std::string, std::string>& out) {
  if (!v.json->is_object()) {
    r.wrong_type(v, "an object (" + object_what + ")");
    return;
  }
  for (auto it = v.json->begin(); it != v.json->end(); ++it) {
    if (!it.value().is_string() || it.value().get<std::string>().empty())
      r.wrong_type(JsonRef{&it.value(), content::pointer_append(v.pointer, it.key()), value_what + " of '" + it.key() + "'"},
                   "a non-empty string");
    else out[it.key()] = it.value().get<std::string>();
  }
}

// "department_order": normalised department names in organisational order (組織順).
void read_department_order(JsonReader& r, const JsonRef& o, std::vector<std::string>& out) {
  if (!o.json->is_array()) {
    r.wrong_type(o, "an array of department names in organisational order");
    return;
  }
  for (const auto& e : r.elements(o, "department")) {
    if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, "a department name");
    else out.push_back(e.json->get<std::string>());
  }
}

// "logo": a file of content/assets/, an image a browser shows without loading anything else.
void read_logo(JsonReader& r, const JsonRef& root, const std::map<std::string, std::string>& assets, Site& site,
               base::Diagnostics& diags) {
  auto v = r.member(root, "logo");
  if (!v) return;
  const std::string path = r.text(root, "logo");
  if (path.empty()) return;
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  static const std::vector<std::string> images = {"png", "svg", "jpg", "jpeg", "gif", "webp"};
  if (path.rfind("assets/", 0) != 0 || std::find(images.begin(), images.end(), ext) == images.end()) {
    diags.error(base::Code::wrong_type, r.at(v.pointer), "logo '" + path + "' must be an image in content/assets/",
                {"put the file in content/assets/ and write \"logo\": \"assets/<name>.png\" (png, svg, jpg, gif or webp)"});
    return;
  }
  if (!assets.count(path.substr(7))) {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : assets) names.push_back("assets/" + name);
    std::vector<std::string> hints;
    if (auto m = base::closest_match(path, names)) hints.push_back("did you mean '" + *m + "'?");
    diags.error(base::Code::missing_file, r.at(v.pointer), "logo '" + path + "' is not in content/assets/", hints);
    return;
  }
  site.logo = "assets/site/" + path.substr(7);  // where the site publishes content/assets/
}

}  // namespace

Contact read_contact(JsonReader& r, const JsonRef& v, const ObjectKeys& keys) {
  Contact c;
  if (!r.expect_object(v, keys)) return c;
  c.department = r.text(v, "department");
  c.phone = r.text(v, "phone");
  c.email = r.text(v, "email");
  c.form_url = r.text(v, "form_url");
  if (!c.email.empty() && (c.email.find('@') == std::string::npos || c.email.find_first_of(" \t") != std::string::npos)) {
    r.diagnostics().error(base::Code::wrong_type, r.at(r.member(v, "email").pointer), "e-mail address '" + c.email + "' has no '@'",
                          {"write the address the public may write to, e.g. jinji@city.example.jp"});
    c.email.clear();
  }
  if (!c.form_url.empty() && c.form_url.rfind("https://", 0) != 0 && c.form_url.rfind("http://", 0) != 0) {
    r.diagnostics().error(base::Code::wrong_type, r.at(r.member(v, "form_url").pointer), "form_url must be an absolute http(s) URL");
    c.form_url.clear();
  }
  return c;
}

Site read_site(const content::JsonDocument& doc, const std::map<std::string, std::string>& assets, base::Diagnostics& diags) {
  JsonReader r(doc, diags);
  Site site;
  auto root = r.root("site");
  if (!r.expect_object(root, keys::site)) return site;
  site.title = r.text(root, "title");
  site.organisation = r.text(root, "organisation");
  if (auto c = r.member(root, "contact")) site.contact = read_contact(r, c, keys::site_contact);
  read_logo(r, root, assets, site, diags);
  site.description = r.paragraphs(root, "description");
  site.base_url = r.text(root, "base_url");
  if (!site.base_url.empty() && site.base_url.rfind("https://", 0) != 0 && site.base_url.rfind("http://", 0) != 0)
    diags.error(base::Code::wrong_type, r.at(r.member(root, "base_url").pointer), "base_url must be an absolute http(s) URL");
  if (auto pdf = r.member(root, "pdf"); r.expect_object(pdf, keys::site_pdf)) read_pdf_settings(r, pdf, site.pdf, diags);
  // Printed name → the name to show; normalised name → its reading in kana, for 五十音 order.
  if (auto a = r.member(root, "department_aliases"); a)
    read_string_map(r, a, "printed name → canonical name", "alias", site.department_aliases);
  if (auto o = r.member(root, "department_order"); o) read_department_order(r, o, site.department_order);
  if (auto rd = r.member(root, "department_readings"); rd)
    read_string_map(r, rd, "department name → reading in kana", "reading", site.department_readings);
  return site;
}

}  // namespace planpress::validate
