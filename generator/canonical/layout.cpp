#include "canonical/layout.hpp"

#include <algorithm>
#include <map>

#include "validate/keys.hpp"

namespace planpress::canonical {

namespace keys = validate::keys;
using validate::ObjectKeys;

FileKind file_kind(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "plan.json") return FileKind::plan;
  if (name == "site.json") return FileKind::site;
  if (name == "documents.json") return FileKind::documents;
  return FileKind::other;
}

namespace {

// Members named in `order` first, in that order; the others after them, in the order they had.
void sort_members(Value& obj, const std::vector<std::string>& order) {
  if (!obj.is_object()) return;
  auto rank = [&](const std::string& key) {
    const auto it = std::find(order.begin(), order.end(), key);
    return it == order.end() ? order.size() : static_cast<std::size_t>(it - order.begin());
  };
  std::stable_sort(obj.members.begin(), obj.members.end(),
                   [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
}

void sort_members(Value& obj, const ObjectKeys& keys) { sort_members(obj, keys.allowed()); }

Value* member(Value& obj, std::string_view key) { return obj.is_object() ? obj.find(key) : nullptr; }

template <typename Fn>
void each_element(Value* v, Fn&& fn) {
  if (v && v->is_array())
    for (auto& e : v->elements) fn(e);
}

template <typename Fn>
void each_member(Value* v, Fn&& fn) {
  if (v && v->is_object())
    for (auto& [k, e] : v->members) fn(k, e);
}

void order_object(Value* v, const ObjectKeys& keys) {
  if (v) sort_members(*v, keys);
}

void order_refs_and_notes(Value& owner) {
  each_element(member(owner, "refs"), [](Value& r) { sort_members(r, keys::ref); });
  each_element(member(owner, "notes"), [](Value& n) { sort_members(n, keys::note); });
}

void order_external_document(Value& d) {
  sort_members(d, keys::external_document);
  order_object(member(d, "date"), keys::date);
  order_object(member(d, "period"), keys::period);
}

void order_category(Value& c) {
  sort_members(c, keys::category);
  each_element(member(c, "blocks"), [](Value& b) { sort_members(b, keys::block); });
  order_refs_and_notes(c);
  each_element(member(c, "children"), order_category);
}

// The plan's fields in printed order, and the kind of each.
struct PlanFields {
  std::vector<std::string> order;
  std::map<std::string, std::string> kinds;
};

PlanFields plan_fields(Value& root) {
  PlanFields out;
  each_element(member(root, "fields"), [&](Value& f) {
    const Value* key = f.is_object() ? f.find("key") : nullptr;
    const Value* kind = f.is_object() ? f.find("kind") : nullptr;
    if (!key || !key->is_string()) return;
    out.order.push_back(key->text());
    if (kind) out.kinds[key->text()] = kind->text();
  });
  return out;
}

void order_entry(Value& e, const ObjectKeys& keys, const PlanFields& fields) {
  sort_members(e, keys);
  if (Value* values = member(e, "fields")) {
    sort_members(*values, fields.order);
    each_member(values, [&](const std::string& key, Value& v) {
      const auto kind = fields.kinds.find(key);
      if (kind == fields.kinds.end()) return;
      if (kind->second == "list") each_element(&v, [](Value& x) { sort_members(x, keys::list_entry); });
      if (kind->second == "schedule") each_element(&v, [](Value& x) { sort_members(x, keys::schedule_row); });
    });
  }
  if (Value* labels = member(e, "labels")) sort_members(*labels, fields.order);
  order_refs_and_notes(e);
  order_object(member(e, "source"), keys::entry_source);
}

void order_plan(Value& root) {
  sort_members(root, keys::plan);
  order_object(member(root, "period"), keys::period);
  order_object(member(root, "published"), keys::date);
  order_object(member(root, "inferred"), keys::plan_inferred);
  order_object(member(root, "source"), keys::plan_source);
  order_refs_and_notes(root);
  each_element(member(root, "fields"), [](Value& f) { sort_members(f, keys::field); });
  each_member(member(root, "vocabularies"), [](const std::string&, Value& v) {
    sort_members(v, keys::vocabulary);
    each_element(member(v, "values"), [](Value& x) { sort_members(x, keys::vocabulary_value); });
  });
  order_object(member(root, "presentation"), keys::presentation);
  each_element(member(root, "sections"), [](Value& s) { sort_members(s, keys::section); });
  each_element(member(root, "categories"), order_category);
  const PlanFields fields = plan_fields(root);
  each_element(member(root, "items"), [&](Value& item) {
    order_entry(item, keys::item, fields);
    each_element(member(item, "sub_items"), [&](Value& sub) { order_entry(sub, keys::sub_item, fields); });
  });
  each_element(member(root, "indicators"), [](Value& ind) {
    sort_members(ind, keys::indicator);
    each_element(member(ind, "segments"), [](Value& s) { sort_members(s, keys::segment); });
    each_element(member(ind, "values"), [](Value& v) { sort_members(v, keys::indicator_value); });
    each_element(member(ind, "notes"), [](Value& n) { sort_members(n, keys::note); });
  });
  each_element(member(root, "external_documents"), order_external_document);
}

void order_site(Value& root) {
  sort_members(root, keys::site);
  if (Value* pdf = member(root, "pdf")) {
    sort_members(*pdf, keys::site_pdf);
    order_object(member(*pdf, "margins_mm"), keys::site_margins);
    order_object(member(*pdf, "fonts"), keys::site_fonts);
  }
}

void write_string(std::string& out, const std::string& s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

bool is_container(const Value& v) { return v.is_array() || v.is_object(); }

void write_value(std::string& out, const Value& v, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  switch (v.kind) {
    case Value::Kind::null: out += "null"; return;
    case Value::Kind::boolean:
    case Value::Kind::number: out += v.scalar; return;
    case Value::Kind::string: write_string(out, v.scalar); return;
    case Value::Kind::array:
      if (v.elements.empty()) {
        out += "[]";
      } else if (std::none_of(v.elements.begin(), v.elements.end(), is_container)) {
        // Plain values stay on one line: ["総務局人事課", "局区"], [1513, 1547].
        out += '[';
        for (std::size_t i = 0; i < v.elements.size(); ++i) {
          if (i) out += ", ";
          write_value(out, v.elements[i], depth + 1);
        }
        out += ']';
      } else {
        out += "[\n";
        for (std::size_t i = 0; i < v.elements.size(); ++i) {
          out += indent + "  ";
          write_value(out, v.elements[i], depth + 1);
          out += i + 1 < v.elements.size() ? ",\n" : "\n";
        }
        out += indent + "]";
      }
      return;
    case Value::Kind::object:
      if (v.members.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (std::size_t i = 0; i < v.members.size(); ++i) {
        out += indent + "  ";
        write_string(out, v.members[i].first);
        out += ": ";
        write_value(out, v.members[i].second, depth + 1);
        out += i + 1 < v.members.size() ? ",\n" : "\n";
      }
      out += indent + "}";
      return;
  }
}

}  // namespace

void order_keys(Value& root, FileKind kind) {
  switch (kind) {
    case FileKind::plan: order_plan(root); break;
    case FileKind::site: order_site(root); break;
    case FileKind::documents:
      sort_members(root, keys::documents);
      each_element(member(root, "documents"), order_external_document);
      break;
    case FileKind::other: break;
  }
}

std::string write(const Value& root) {
  std::string out;
  write_value(out, root, 0);
  out += '\n';
  return out;
}

std::string canonical_text(Value root, FileKind kind) {
  order_keys(root, kind);
  return write(root);
}

}  // namespace planpress::canonical
