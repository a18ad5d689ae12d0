#pragma once
/// What the preview server answers, as functions of plain data (no sockets here, so they are unit-tested):
/// which file a request path names, its content type, and the live-reload script and build-error overlay
/// added to HTML responses — only by the server, never into a built file.
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"

namespace planpress::serve {

/// The server's own paths; the site never has a top-level folder of this name.
inline constexpr std::string_view kReservedPrefix = "/__planpress/";
inline constexpr std::string_view kEventsPath = "/__planpress/events";
inline constexpr std::string_view kScriptPath = "/__planpress/live.js";
inline constexpr std::string_view kStylePath = "/__planpress/overlay.css";

/// The site-relative file a decoded request path names ("" for the site root), or nullopt when the path
/// must be refused: a `..` or `.` segment, a backslash, a NUL or any other control character, or a path
/// that does not start with '/'. (Symbolic links leading out of the site are checked by the server
/// against the resolved path.)
std::optional<std::string> site_relative_path(std::string_view request_path);

/// The Content-Type of a file by its extension (text types with charset=utf-8); application/octet-stream
/// for an unknown one.
std::string content_type(std::string_view path);

/// True when `content_type` is HTML (the responses the script and the overlay go into).
bool is_html(std::string_view content_type);

/// The live-reload script (served at kScriptPath): it listens to kEventsPath and reloads the page when
/// the server reports a build other than the one the page was served from.
std::string_view live_reload_script();

/// The overlay's style sheet (served at kStylePath; the site's Content-Security-Policy allows only
/// style sheets from the site itself).
std::string_view overlay_style();

/// The overlay that shows a failed build's diagnostics over the last good page: `title` and `hint`
/// already rendered in the user's language, each diagnostic as the CLI prints it, all HTML-escaped.
std::string overlay_html(const std::string& title, const std::string& hint, const base::Diagnostics& diagnostics,
                         base::Lang lang);

/// `html` with the live-reload script (tagged with build `generation`) and `overlay` (may be empty)
/// inserted before the last `</body>` (appended when there is none).
std::string inject(std::string html, unsigned long generation, const std::string& overlay);

}  // namespace planpress::serve
