#pragma once
// A content directory loaded, validated, linked and assembled as the build does it, for tests of the
// phases after assemble (composer goldens, the pdf phase). The test fails when the content has any diagnostic.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

#include "assemble/assemble.hpp"
#include "content/loader.hpp"
#include "io/file_system.hpp"
#include "validate/validate.hpp"
#include "xref/xref.hpp"

namespace planpress::testing {

struct LinkedContent {
  content::RawContent raw;
  model::Model model;
  std::unique_ptr<xref::SymbolTable> symbols;
  xref::LinkGraph links;
  assemble::Assembly assembly;

  /// Loads `dir` from the real file system.
  explicit LinkedContent(const std::string& dir) {
    io::RealFileSystem rfs;
    base::Diagnostics diags;
    raw = content::load_content(rfs, dir, diags);
    model = validate::validate(raw, diags);
    symbols = std::make_unique<xref::SymbolTable>(model);
    links = xref::link(model, *symbols, diags);
    assembly = assemble::assemble(model);
    std::string messages;
    for (const auto& d : diags.all()) messages += base::format_diagnostic(d, planpress::base::Lang::en) + "\n";
    INFO(messages);
    REQUIRE(diags.all().empty());
  }

  /// The plan `id` (the test fails without it).
  const model::Plan& plan(const std::string& id) const {
    const auto it = std::find_if(model.plans.begin(), model.plans.end(), [&](const model::Plan& p) { return p.id == id; });
    REQUIRE(it != model.plans.end());
    return *it;
  }
};

}  // namespace planpress::testing
