#include "serve/respond.hpp"

#include <array>
#include <utility>

#include "site/html.hpp"

namespace planpress::serve {

std::optional<std::string> site_relative_path(std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return std::nullopt;
  std::string relative;
  std::size_t start = 1;
  while (start <= request_path.size()) {
    const auto end = std::min(request_path.find('/', start), request_path.size());
    const std::string_view segment = request_path.substr(start, end - start);
    if (segment == "." || segment == "..") return std::nullopt;
    for (const char c : segment)
      if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    // Empty segments ("a//b") name the same folder, as on any server over a file system.
    if (!segment.empty()) {
      if (!relative.empty()) relative += '/';
      relative += segment;
    }
    if (end == request_path.size()) break;
    start = end + 1;
  }
  return relative;
}

std::string content_type(std::string_view path) {
  static const std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".pdf", "application/pdf"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
  }};
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "application/octet-stream";
  std::string ext(path.substr(dot));
  for (auto& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const auto& [suffix, type] : kTypes)
    if (ext == suffix) return std::string(type);
  return "application/octet-stream";
}

bool is_html(std::string_view content_type) { return content_type.rfind("text/html", 0) == 0; }

std::string_view live_reload_script() {
  return R"JS(// planpress serve: reloads this page after the site was built again (the preview server adds this
// script to the pages it serves; no built file holds it).
(function () {
  'use strict';
  var me = document.currentScript;
  var served = me ? me.getAttribute('data-generation') : null;
  if (!window.EventSource) return;
  var events = new EventSource('/__planpress/events');
  events.addEventListener('build', function (e) {
    if (e.data !== served) window.location.reload();
  });
})();
)JS";
}

std::string_view overlay_style() {
  return R"CSS(/* planpress serve: the overlay over the last good page while the content has errors. */
#planpress-overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 20, 0.72);
  display: flex; align-items: flex-start; justify-content: center; padding: 2rem 1rem; overflow: auto; }
#planpress-overlay .planpress-overlay-box { background: #fff; color: #1a1a1a; max-width: 60rem; width: 100%;
  border-top: 6px solid #b00020; padding: 1rem 1.5rem; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.4); }
#planpress-overlay h2 { margin: 0 0 0.5rem; font-size: 1.25rem; color: #b00020; }
#planpress-overlay p { margin: 0 0 1rem; }
#planpress-overlay pre { margin: 0; padding: 0.75rem; background: #f6f6f6; overflow: auto; white-space: pre;
  font-family: ui-monospace, "Noto Sans Mono CJK JP", monospace; font-size: 0.875rem; line-height: 1.5; }
)CSS";
}

std::string overlay_html(const std::string& title, const std::string& hint, const base::Diagnostics& diagnostics,
                         base::Lang lang) {
  std::string text;
  for (const auto& d : diagnostics.all()) text += base::format_diagnostic(d, lang);
  std::string out;
  out += "<link rel=\"stylesheet\" href=\"";
  out += kStylePath;
  out += "\">\n<div id=\"planpress-overlay\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"planpress-overlay-title\">";
  out += "<div class=\"planpress-overlay-box\"><h2 id=\"planpress-overlay-title\">" + site::escape_html(title) + "</h2>";
  out += "<p>" + site::escape_html(hint) + "</p>";
  out += "<pre>" + site::escape_html(text) + "</pre></div></div>\n";
  return out;
}

std::string inject(std::string html, unsigned long generation, const std::string& overlay) {
  std::string added = overlay;
  added += "<script src=\"";
  added += kScriptPath;
  added += "\" data-generation=\"" + std::to_string(generation) + "\"></script>\n";
  const auto body = html.rfind("</body>");
  if (body == std::string::npos) html += added;
  else html.insert(body, added);
  return html;
}

}  // namespace planpress::serve
