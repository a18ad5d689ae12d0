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
      if (!val.json->is_number()) r.wrong_type(val, Msg::term_expect_millimetres);
      else if (val.json->get<double>() < 5 || val.json->get<double>() > 60)
        diags.error(r.at(val.pointer), msg<Msg::out_of_range_margin>(arg<"what">(val.what), arg<"value">(val.json->dump())));
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
      if (!fb.json->is_array()) r.wrong_type(fb, Msg::term_expect_font_paths);
      else
        for (const auto& e : r.elements(fb, Msg::term_fallback_font)) {
          if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, Msg::term_expect_font_path);
          else out.font_fallback.push_back(e.json->get<std::string>());
        }
    }
  }
  if (r.member(pdf, "page_number")) {
    out.page_number = r.text(pdf, "page_number");
    if (out.page_number.find("{page}") == std::string::npos)
      diags.error(r.at(r.member(pdf, "page_number").pointer), msg<Msg::wrong_type_page_number>(arg<"placeholder">("{page}")),
                  {msg<Msg::wrong_type_page_number_hint>(arg<"example">("- {page} -"))});
  }
}

// An object of non-empty strings by name ("department_aliases", "department_readings"); `object_what`
// (a term) says what the object maps, `value_what` names a value in messages ("alias of '労務課'").
void read_string_map(JsonReader& r, const JsonRef& v, Msg object_what, Msg value_what, std::map<std::string, std::string>& out) {
  if (!v.json->is_object()) {
    r.wrong_type(v, object_what);
    return;
  }
  for (auto it = v.json->begin(); it != v.json->end(); ++it) {
    base::Message what = value_what == Msg::subject_alias_of ? msg<Msg::subject_alias_of>(arg<"key">(it.key()))
                                                             : msg<Msg::subject_reading_of>(arg<"key">(it.key()));
    if (!it.value().is_string() || it.value().get<std::string>().empty())
      r.wrong_type(JsonRef{&it.value(), content::pointer_append(v.pointer, it.key()), std::move(what)}, Msg::term_expect_nonempty_string);
    else out[it.key()] = it.value().get<std::string>();
  }
}

// "department_order": normalised department names in organisational order (組織順).
void read_department_order(JsonReader& r, const JsonRef& o, std::vector<std::string>& out) {
  if (!o.json->is_array()) {
    r.wrong_type(o, Msg::term_expect_department_order);
    return;
  }
  for (const auto& e : r.elements(o, Msg::term_department)) {
    if (!e.json->is_string() || e.json->get<std::string>().empty()) r.wrong_type(e, Msg::term_expect_department);
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
    diags.error(r.at(v.pointer), msg<Msg::wrong_type_logo>(arg<"path">(path)), {msg<Msg::wrong_type_logo_hint>()});
    return;
  }
  if (!assets.count(path.substr(7))) {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : assets) names.push_back("assets/" + name);
    std::vector<base::Message> hints;
    if (auto m = base::closest_match(path, names)) hints.push_back(msg<Msg::common_did_you_mean>(arg<"suggestion">(*m)));
    diags.error(r.at(v.pointer), msg<Msg::missing_file_logo>(arg<"path">(path)), hints);
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
    r.diagnostics().error(r.at(r.member(v, "email").pointer), msg<Msg::wrong_type_email>(arg<"email">(c.email)),
                          {msg<Msg::wrong_type_email_hint>()});
    c.email.clear();
  }
  if (!c.form_url.empty() && c.form_url.rfind("https://", 0) != 0 && c.form_url.rfind("http://", 0) != 0) {
    r.diagnostics().error(r.at(r.member(v, "form_url").pointer), msg<Msg::wrong_type_form_url>());
    c.form_url.clear();
  }
  return c;
}

Site read_site(const content::JsonDocument& doc, const std::map<std::string, std::string>& assets, base::Diagnostics& diags) {
  JsonReader r(doc, diags);
  Site site;
  auto root = r.root(msg<Msg::subject_site>());
  if (!r.expect_object(root, keys::site)) return site;
  site.title = r.text(root, "title");
  site.organisation = r.text(root, "organisation");
  if (auto c = r.member(root, "contact")) site.contact = read_contact(r, c, keys::site_contact);
  read_logo(r, root, assets, site, diags);
  site.description = r.paragraphs(root, "description");
  site.base_url = r.text(root, "base_url");
  if (!site.base_url.empty() && site.base_url.rfind("https://", 0) != 0 && site.base_url.rfind("http://", 0) != 0)
    diags.error(r.at(r.member(root, "base_url").pointer), msg<Msg::wrong_type_base_url>());
  if (auto pdf = r.member(root, "pdf"); r.expect_object(pdf, keys::site_pdf)) read_pdf_settings(r, pdf, site.pdf, diags);
  // Printed name → the name to show; normalised name → its reading in kana, for 五十音 order.
  if (auto a = r.member(root, "department_aliases"); a)
    read_string_map(r, a, Msg::term_expect_aliases, Msg::subject_alias_of, site.department_aliases);
  if (auto o = r.member(root, "department_order"); o) read_department_order(r, o, site.department_order);
  if (auto rd = r.member(root, "department_readings"); rd)
    read_string_map(r, rd, Msg::term_expect_readings, Msg::subject_reading_of, site.department_readings);
  return site;
}

}  // namespace planpress::validate
