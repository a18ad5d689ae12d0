#pragma once
/// Phase edition (after link, before assemble): what a build publishes. The content holds, beside the
/// city's words, what its maintainers wrote for each other — editors' notes. This module is the one place
/// that says what those are; the writers never filter, they print what the edition holds.
///
/// Editorial (docs/content-format.md, "Published and review builds"):
///   * every `notes` entry of a plan, category, item, sub-item or indicator (注記, 表記の異同, 要確認,
///     推定, 原文ママ);
///   * `inferred`: the reasons, and the inferred values of `period`, `published`, `department` and
///     `short_title` (a value the document does not print is not published; `title`, `municipality` and
///     `kind` a plan cannot do without, so the content gives the most honest form of what the document
///     prints and `inferred` explains it to reviewers);
///   * `source` (the extracted file and its note) and the source lines of items and sub-items;
///   * the `evidence` of references (why the editors drew a link; the link itself is published);
///   * Markdown paragraphs and block quotes marked ［編集注］ (with the [[links]] inside them);
///   * `description`s of fields and vocabulary values (help text for editors).
/// The city's printed annotations are data, never notes: a ※ remark under an indicator is its
/// `commentary`, the ※ of a segment or value its `note`, a printed marker such as 「重点 ―」 a value.
#include "model/model.hpp"

namespace planpress::edition {

/// The published edition: removes everything editorial from `model` (which then holds only what a city
/// would publish). `model.review` stays false.
void make_published(model::Model& model);

/// The review edition: keeps everything and sets `model.review`, so that every writer marks the editors'
/// notes as editorial and says on every page (and on the PDF cover and header) that this is a review build.
void make_review(model::Model& model);

}  // namespace planpress::edition
