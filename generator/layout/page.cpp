#include "layout/page.hpp"

namespace planpress::layout {

void Content::append(const Content& o, double dx, double dy) {
  for (auto r : o.rects) {
    r.x += dx;
    r.y += dy;
    rects.push_back(std::move(r));
  }
  for (auto p : o.paths) {
    for (auto& pt : p.points) {
      pt.x += dx;
      pt.y += dy;
    }
    paths.push_back(std::move(p));
  }
  for (auto t : o.texts) {
    t.x += dx;
    t.y += dy;
    texts.push_back(std::move(t));
  }
  for (auto l : o.links) {
    l.x += dx;
    l.y += dy;
    links.push_back(std::move(l));
  }
  for (auto a : o.anchors) {
    a.y += dy;
    anchors.push_back(std::move(a));
  }
  outline.insert(outline.end(), o.outline.begin(), o.outline.end());
}

bool Content::empty() const {
  return rects.empty() && paths.empty() && texts.empty() && links.empty() && anchors.empty() && outline.empty();
}

}  // namespace planpress::layout
