#pragma once
/// The page/box model layout produces and the PDF backend draws: positioned text runs, rectangles,
/// paths, links, anchors and outline marks, in points with the origin at the top left and y downwards.
#include <optional>
#include <string>
#include <vector>

#include "layout/measure.hpp"

namespace planpress::layout {

/// An RGB colour, components 0–1.
struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

/// A point in page or box coordinates.
struct Point {
  double x = 0, y = 0;
};

/// Text drawn with one face, size and character spacing. `y` is the baseline. The PDF backend adds
/// `char_spacing` after every character (PDF's Tc), which is how lines are justified.
struct TextRun {
  double x = 0, y = 0;
  Face face = Face::mincho;
  double size = 10;
  double char_spacing = 0;
  Color color;
  std::string text;
};

/// A rectangle (x, y = top left), filled and/or stroked.
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double line_width = 0.5;
};

/// A polyline, or a polygon when `closed`; stroked unless `line_width` is 0, filled when `fill` is set.
struct Path {
  std::vector<Point> points;
  Color stroke;
  double line_width = 0.5;
  std::vector<double> dash;  ///< dash pattern (on, off, …); empty for a solid line
  bool closed = false;
  std::optional<Color> fill;
};

/// A clickable area leading to an anchor of the same document or to a URI (relative URIs are resolved
/// against the PDF's own location by viewers).
struct Link {
  double x = 0, y = 0, w = 0, h = 0;
  std::string anchor;
  std::string uri;
};

/// A named place (the target of internal links and table-of-contents entries); `y` is its top.
struct Anchor {
  std::string name;
  double y = 0;
};

/// An outline entry (しおり) as it occurs in the content; the document's outline lists them in page order.
struct OutlineMark {
  std::string title;
  int level = 0;  ///< 0 = top level
  std::string anchor;
};

/// Drawable content in a local coordinate system (origin at the top left, y downwards, points).
struct Content {
  std::vector<Rect> rects;
  std::vector<Path> paths;
  std::vector<TextRun> texts;
  std::vector<Link> links;
  std::vector<Anchor> anchors;
  std::vector<OutlineMark> outline;

  /// Appends `other` shifted by (dx, dy).
  void append(const Content& other, double dx, double dy);
  bool empty() const;
};

/// One page: its size (A4 portrait 595.28 × 841.89 pt, or landscape) and content in page coordinates.
struct Page {
  double width = 0, height = 0;
  Content content;
};

/// The document information dictionary and the time stamp (only with SOURCE_DATE_EPOCH).
struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::optional<long long> epoch;  ///< seconds since 1970 for CreationDate/ModDate; none: no date at all
};

/// A laid-out document: what the PDF backend draws.
struct Document {
  std::vector<Page> pages;
  DocumentInfo info;
};

/// A4 in points.
inline constexpr double kA4Short = 595.28;
inline constexpr double kA4Long = 841.89;

}  // namespace planpress::layout
