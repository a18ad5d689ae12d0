#pragma once
/// HTML output of content: escaping, plain text with printed line breaks, and Markdown.
#include <functional>
#include <optional>
#include <string>

#include "markdown/markdown.hpp"

namespace planpress::site {

/// Escapes & < > " ' for text and attribute values.
std::string escape_html(const std::string& text);

/// What a plan-stage edition shows in place of a results field that is still empty (「実績は年度末に掲載」).
std::string pending_html();

/// Plain text as printed: each "\n"-separated line becomes a paragraph.
std::string text_to_html(const std::string& text);

/// What a [[target]] link renders as: href (relative to the current page) and default link text.
struct ResolvedLink {
  std::string href;
  std::string text;
};
using WikiLinkResolver = std::function<std::optional<ResolvedLink>(const std::string& target)>;

/// Renders a Markdown document. Headings are shifted by `heading_shift` levels (so that "##" in a
/// section becomes <h3> under the section's <h2> … if the page needs it). Tables get a scroll wrapper.
/// Tables get a <caption>: the text of the nearest heading above them, else `default_caption`.
std::string markdown_to_html(const markdown::Document& doc, const WikiLinkResolver& resolve, int heading_shift = 0,
                             const std::string& default_caption = "");

}  // namespace planpress::site
