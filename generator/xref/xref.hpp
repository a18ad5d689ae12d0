#pragma once
/// Phase 3, link: resolve every reference (refs entries and [[…]] in Markdown) across all plans and
/// external documents, and compute the backlinks of every target.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "model/model.hpp"

namespace planpress::xref {

enum class TargetKind { plan, document, item, category, section };

/// Something a link can start or end at.
struct Endpoint {
  TargetKind kind = TargetKind::plan;
  std::string plan;  ///< plan id, or external-document id for kind document
  std::string id;    ///< item, category or section id (empty for plan and document)
  int sub_item = 0;  ///< 1-based sub-item index when a link starts at a sub-item, else 0

  /// "plan#id" (sub-items fold into their item), used as a map key.
  std::string key() const { return id.empty() ? plan : plan + "#" + id; }
  bool operator==(const Endpoint& o) const { return kind == o.kind && plan == o.plan && id == o.id && sub_item == o.sub_item; }
};

/// One resolved reference.
struct Link {
  Endpoint from;
  Endpoint to;
  model::RefType type = model::RefType::see;
  std::string evidence;
  std::string field;
  std::string label;  ///< link text from [[to|label]]
  bool medium_confidence = false;
  bool from_markdown = false;
  base::Location location;  ///< where the reference is written
};

/// Every plan, document and anchor by id.
class SymbolTable {
 public:
  explicit SymbolTable(const model::Model& model);
  /// Resolves `target` as written in plan `context_plan` ("#x", "plan", "plan#x", "document").
  std::optional<Endpoint> resolve(const std::string& context_plan, const std::string& target) const;
  /// A close match for an unresolvable target, written the way the user wrote it.
  std::optional<std::string> suggest(const std::string& context_plan, const std::string& target) const;

 private:
  struct PlanSymbols {
    std::map<std::string, TargetKind> anchors;
  };
  std::map<std::string, PlanSymbols> plans_;
  std::map<std::string, bool> documents_;
};

/// All links, with indexes by source and target endpoint key.
class LinkGraph {
 public:
  void add(Link link);
  const std::vector<Link>& links() const { return links_; }
  /// Links whose source is `key` (an Endpoint::key()).
  std::vector<const Link*> outgoing(const std::string& key) const;
  /// Links whose target is `key`.
  std::vector<const Link*> incoming(const std::string& key) const;

 private:
  std::vector<Link> links_;
  std::multimap<std::string, std::size_t> by_source_;
  std::multimap<std::string, std::size_t> by_target_;
};

/// The anchor ids the pages give to what Markdown may link with "#…" (present/urls.hpp makes them; the
/// pipeline passes its functions here, as xref comes before present). Without them, "#…" links are not
/// checked.
struct AnchorNames {
  std::function<std::string(const std::string&)> section, category, indicator;  ///< on the plan's page
  std::function<std::string(int)> sub_item;                                      ///< on an item's page, 1-based
};

/// Resolves every reference in `model`; unknown targets are reported as xref-unresolved with a hint. Also
/// reported: a reference from an item or plan to itself, and a cycle of references of a type that orders
/// what it links — predecessor, based_on, progress_of, includes, branch_of, excerpt_of — (xref-cycle);
/// Markdown links to paths inside the site, which break from file:// and escape checking
/// (markdown-site-link), and to anchors that do not exist (xref-unresolved).
LinkGraph link(const model::Model& model, const SymbolTable& symbols, base::Diagnostics& diags, const AnchorNames& anchors = {});

/// Japanese name of a target kind (計画, 外部文書, 項目, 区分, 章).
const char* label_of(TargetKind kind);

}  // namespace planpress::xref
