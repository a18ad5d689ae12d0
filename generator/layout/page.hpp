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
  double r = 0, g = 0, b = 0;  ///< red, green, blue
  /// Equal components.
  bool operator==(const Color&) const = default;
};

/// A point in page or box coordinates.
struct Point {
  double x = 0, y = 0;  ///< points, y downwards
};

/// Text drawn with one face, size and character spacing. `y` is the baseline. The PDF backend adds
/// `char_spacing` after every character (PDF's Tc), which is how lines are justified.
struct TextRun {
  double x = 0, y = 0;         ///< start of the baseline
  Face face = Face::mincho;    ///< typeface
  double size = 10;            ///< font size, points
  double char_spacing = 0;     ///< added after every character, points
  Color color;                 ///< fill colour of the glyphs
  std::string text;            ///< UTF-8, one line
};

/// A rectangle (x, y = top left), filled and/or stroked.
struct Rect {
  double x = 0, y = 0, w = 0, h = 0;  ///< top left and size, points
  std::optional<Color> fill;          ///< fill colour, if filled
  std::optional<Color> stroke;        ///< border colour, if stroked
  double line_width = 0.5;            ///< border width, points
};

/// A polyline, or a polygon when `closed`; stroked unless `line_width` is 0, filled when `fill` is set.
struct Path {
  std::vector<Point> points;   ///< two or more
  Color stroke;                ///< line colour
  double line_width = 0.5;     ///< points
  std::vector<double> dash;  ///< dash pattern (on, off, …); empty for a solid line
  bool closed = false;         ///< join the last point to the first
  std::optional<Color> fill;   ///< fill colour (closed paths)
};

/// A clickable area leading to an anchor of the same document, to a URI, or to a named destination of
/// another PDF (a "remote go-to": `file` relative to this PDF, `anchor` a name that PDF defines).
struct Link {
  double x = 0, y = 0, w = 0, h = 0;  ///< the clickable area, points
  std::string anchor;                 ///< an Anchor's name in this document (or in `file`), or
  std::string uri;                    ///< a URI, or
  std::string file;                   ///< another PDF (with `anchor`, or its first page)
};

/// A named place (the target of internal links and table-of-contents entries); `y` is its top.
struct Anchor {
  std::string name;  ///< unique in the document
  double y = 0;      ///< points from the page top
};

/// An outline entry (しおり) as it occurs in the content; the document's outline lists them in page order.
struct OutlineMark {
  std::string title;   ///< as shown in the outline
  int level = 0;  ///< 0 = top level
  std::string anchor;  ///< where the entry leads
};

/// Drawable content in a local coordinate system (origin at the top left, y downwards, points).
struct Content {
  std::vector<Rect> rects;          ///< drawn first (fills), strokes after the paths
  std::vector<Path> paths;          ///< rules, chart lines, markers
  std::vector<TextRun> texts;       ///< drawn on top
  std::vector<Link> links;          ///< clickable areas
  std::vector<Anchor> anchors;      ///< link and outline targets
  std::vector<OutlineMark> outline; ///< outline entries, in reading order

  /// Appends `other` shifted by (dx, dy).
  void append(const Content& other, double dx, double dy);
  /// Nothing to draw and no marks.
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
