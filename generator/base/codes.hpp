#pragma once
/// The diagnostic catalogue: every code planpress reports, with its severity, the exit status it leads to
/// and a one-line explanation. Call sites name codes by the `Code` enum, never by strings; the printed
/// name (`[xref-unresolved]`), the exit status and docs/diagnostics.md all come from this one table.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace planpress::base {

enum class Severity : std::uint8_t { error, warning };

/// What kind of problem a code is, which decides the exit status of a run that reports it as an error:
/// content (1: fix the content or the templates), environment (4: I/O, fonts, the output directory) or
/// internal (4: planpress or a library failed on input it should have handled; please report it).
enum class ExitClass : std::uint8_t { content, environment, internal };

/// The catalogue itself: one row per code — identifier, printed name, severity, exit class, phase and a
/// one-line explanation in English and Japanese — in the order of docs/diagnostics.md. The `Code` enum and the table behind
/// `code_catalogue()` are both generated from this list, so they cannot disagree.
#define PLANPRESS_DIAGNOSTIC_CODES(X) \
  X(missing_file, "missing-file", error, content, "load", \
    "a content file, section file, template or directory that is named or required is not there", \
    "名前の挙がった、または必要なファイル・フォルダ（内容のファイル、章のファイル、テンプレート）がない") \
  X(io_error, "io-error", error, environment, "load", \
    "a file cannot be read, or the output cannot be written (or planpress serve cannot listen on its port)", \
    "ファイルを読めない、または出力を書き込めない（planpress serve ではポートで待ち受けられない）") \
  X(file_too_large, "file-too-large", error, content, "load", \
    "a JSON file over 8 MiB, a Markdown file or template over 1 MiB, or an asset over 16 MiB", \
    "JSON ファイルが 8 MiB、Markdown ファイルやテンプレートが 1 MiB、素材ファイルが 16 MiB を超えている") \
  X(utf8_invalid, "utf8-invalid", error, content, "load", \
    "the file is not valid UTF-8", \
    "ファイルが UTF-8 で保存されていない") \
  X(symlink_outside_content, "symlink-outside-content", error, content, "load", \
    "a content file or directory is a symbolic link leading out of the content directory", \
    "内容のファイルやフォルダが、内容のフォルダの外を指すシンボリックリンクになっている") \
  X(file_not_regular, "file-not-regular", error, content, "load", \
    "a content file is a FIFO, socket or device (or a directory where a file is expected)", \
    "内容のファイルが FIFO・ソケット・デバイスである（またはファイルのはずの場所がフォルダである）") \
  X(unused_file, "unused-file", warning, content, "load", \
    "a file in a plan directory that no section uses", \
    "計画のフォルダに、どの章も使っていないファイルがある") \
  X(json_syntax, "json-syntax", error, content, "load", \
    "not valid JSON", \
    "JSON の書き方が正しくない") \
  X(duplicate_key, "duplicate-key", error, content, "load", \
    "the same key twice in one JSON object", \
    "一つのオブジェクトに同じキーが二つある") \
  X(json_too_deep, "json-too-deep", error, content, "load", \
    "JSON nested deeper than 64 levels, or categories deeper than 8", \
    "JSON の入れ子が 64 段を超えている、または分類の入れ子が 8 段を超えている") \
  X(unknown_field, "unknown-field", error, content, "validate", \
    "a key the format does not define, or a field key the plan does not declare", \
    "書式にないキー、または計画が定義していない欄のキー") \
  X(missing_field, "missing-field", error, content, "validate", \
    "a required key is absent, or an item lacks a field its plan requires", \
    "必要なキーがない、または計画が必須とする欄が項目にない") \
  X(empty_value, "empty-value", error, content, "validate", \
    "a required value is empty or only spaces", \
    "必要な値が空、または空白だけ") \
  X(wrong_type, "wrong-type", error, content, "validate", \
    "a value of the wrong JSON type or shape (a string for a number, 2.7 for an integer, a bad date)", \
    "値の種類や形が違う（数値の欄に文字列、整数の欄に 2.7、正しくない日付など）") \
  X(out_of_range, "out-of-range", error, content, "validate", \
    "a number outside its allowed range", \
    "数値が許される範囲の外にある") \
  X(unsafe_id, "unsafe-id", error, content, "validate", \
    "an id that cannot be a file name and URL segment", \
    "ファイル名や URL に使えない ID") \
  X(duplicate_id, "duplicate-id", error, content, "validate", \
    "an id or declared value used twice where it must be unique", \
    "一つしかあってはならない ID や値が二度使われている") \
  X(duplicate_number, "duplicate-number", error, content, "validate", \
    "two items of a plan print the same number (in one category, when numbering restarts per category)", \
    "計画の二つの項目に同じ番号が印刷されている（分類ごとに番号を振り直す計画では、同じ分類の中で）") \
  X(control_character, "control-character", error, content, "validate", \
    "a line break, tab or other control character in a one-line value, or a control character in a text", \
    "1 行で書く値に改行・タブなどの制御文字がある、または文章に制御文字がある") \
  X(unknown_value, "unknown-value", error, content, "validate", \
    "a value outside the plan's vocabulary, or an unknown keyword", \
    "計画の選択肢にない値、または知られていないキーワード") \
  X(invalid_character, "invalid-character", error, content, "validate", \
    "a control character (NUL, BEL …) or an invisible format character (U+200B, U+202E …) in the content", \
    "内容に制御文字（NUL、BEL など）や見えない書式文字（U+200B、U+202E など）がある") \
  X(markdown_raw_html, "markdown-raw-html", error, content, "validate", \
    "raw HTML in Markdown", \
    "Markdown の中に HTML が直接書かれている") \
  X(markdown_unsafe_link, "markdown-unsafe-link", error, content, "validate", \
    "a Markdown link to javascript:, vbscript:, data: or file:", \
    "Markdown のリンク先が javascript:、vbscript:、data: または file: になっている") \
  X(markdown_image, "markdown-image", error, content, "validate", \
    "an image in Markdown", \
    "Markdown の中に画像がある") \
  X(markdown_heading, "markdown-heading", error, content, "validate", \
    "a Markdown heading above the level allowed where it stands", \
    "Markdown の見出しが、その場所で使える段より上の段になっている") \
  X(markdown_too_deep, "markdown-too-deep", error, content, "validate", \
    "block quotes or lists nested more than 16 levels", \
    "引用や箇条書きの入れ子が 16 段を超えている") \
  X(markdown_duplicate_definition, "markdown-duplicate-definition", error, content, "validate", \
    "a Markdown link definition (or footnote) defined twice: the second is dropped", \
    "Markdown のリンク定義（または脚注）が二度定義されている。二つ目は使われない") \
  X(markdown_too_complex, "markdown-too-complex", error, content, "validate", \
    "Markdown the parser would take quadratic time over, or inline nesting deeper than 16 levels", \
    "処理に時間がかかりすぎる Markdown、または 16 段を超える強調やリンクの入れ子") \
  X(xref_unresolved, "xref-unresolved", error, content, "link", \
    "a reference to a plan, item, category, section, document, vocabulary or anchor that does not exist", \
    "参照先の計画・項目・分類・章・文書・選択肢・アンカーが存在しない") \
  X(xref_cycle, "xref-cycle", error, content, "link", \
    "a reference to itself, or references of an ordering type (predecessor, based_on …) that form a cycle", \
    "自分自身への参照、または順序を表す種類の参照（predecessor、based_on など）が循環している") \
  X(markdown_site_link, "markdown-site-link", error, content, "link", \
    "a Markdown link to a path inside the site instead of [[plan-id#id]]", \
    "[[計画ID#ID]] ではなく、サイトの中のパスへの Markdown のリンク") \
  X(template_syntax, "template-syntax", error, content, "templates", \
    "a Mustache syntax error", \
    "Mustache テンプレートの書き方の誤り") \
  X(template_missing_partial, "template-missing-partial", error, content, "templates", \
    "a partial or parent template that is not in the templates directory", \
    "部分テンプレートや親テンプレートがテンプレートのフォルダにない") \
  X(template_recursion, "template-recursion", error, content, "templates", \
    "a template that includes itself with nothing that could end the recursion", \
    "テンプレートが自分自身を読み込み、終わる条件がない") \
  X(template_unsafe, "template-unsafe", error, content, "templates", \
    "a template value where HTML escaping does not protect it (unquoted attribute, on*=, style=, <script>, raw)", \
    "HTML のエスケープでは守れない場所にあるテンプレートの値（引用符のない属性、on*=、style=、<script>、{{{ }}}）") \
  X(template_unknown_variable, "template-unknown-variable", error, content, "render", \
    "a template variable whose name no page's context has", \
    "どのページのデータにもない名前のテンプレート変数") \
  X(site_too_large, "site-too-large", warning, content, "render", \
    "the search index is larger than a site is expected to need (50 MB)", \
    "検索索引が、サイトに想定される大きさ（50 MB）を超えている") \
  X(pdf_missing_glyph, "pdf-missing-glyph", error, content, "pdf", \
    "a character that none of the PDF fonts has", \
    "PDF のどのフォントにもない文字") \
  X(font_missing, "font-missing", error, environment, "pdf", \
    "a font file cannot be read", \
    "フォントファイルを読めない") \
  X(font_invalid, "font-invalid", error, environment, "pdf", \
    "a font file is not a TrueType font libharu can embed", \
    "フォントファイルが libharu で埋め込める TrueType フォントではない") \
  X(pdf_error, "pdf-error", error, internal, "pdf", \
    "libharu failed while writing a PDF", \
    "libharu が PDF の書き出しに失敗した") \
  X(not_canonical, "not-canonical", error, content, "fmt", \
    "a JSON file is not in the canonical layout that planpress fmt writes", \
    "JSON ファイルが planpress fmt の書く正規の書式になっていない") \
  X(sheet_invalid, "sheet-invalid", error, content, "sheet import", \
    "a file given to sheet import is not a readable .xlsx or .csv, or exceeds the reader's limits", \
    "sheet import に渡したファイルが読める .xlsx や .csv でない、または読み込みの上限を超えている") \
  X(sheet_no_keys, "sheet-no-keys", error, content, "sheet import", \
    "a sheet without the key row and column that sheet export writes", \
    "sheet export が書くキーの行と列がないシート") \
  X(sheet_unknown_plan, "sheet-unknown-plan", error, content, "sheet import", \
    "a sheet of a plan that content/ does not have", \
    "content/ にない計画のシート") \
  X(sheet_read_only, "sheet-read-only", error, content, "sheet import", \
    "a changed cell that the sheet cannot change (a list, a schedule, a category row, a key)", \
    "シートでは変更できないセル（箇条書き、工程、分類の行、キー）が変更されている") \
  X(sheet_duplicate_row, "sheet-duplicate-row", error, content, "sheet import", \
    "two rows of a sheet for the same item or indicator values", \
    "同じ項目や指標の値の行がシートに二つある") \
  X(sheet_conflict, "sheet-conflict", error, content, "sheet import", \
    "two sheets given to one import change the same value differently", \
    "一度に取り込む二つのシートが、同じ値を違う値に変えている") \
  X(sheet_unknown_row, "sheet-unknown-row", warning, content, "sheet import", \
    "a row the plan does not have (added in the sheet); it is ignored", \
    "計画にない行（シートで追加された行）。取り込まない") \
  X(sheet_unknown_column, "sheet-unknown-column", warning, content, "sheet import", \
    "a column the plan does not have (added in the sheet); it is ignored", \
    "計画にない列（シートで追加された列）。取り込まない") \
  X(sheet_removed_row, "sheet-removed-row", warning, content, "sheet import", \
    "an item of the plan whose row is missing from the sheet; it is kept", \
    "シートに行がない計画の項目。計画からは削除しない") \
  X(report_rating_reason, "report-rating-reason", warning, content, "report", \
    "a 自己評価 that the item's own text contradicts (its reason says 自己評価は○ while it rates ☆)", \
    "項目の自己評価が、その理由の文と食い違っている（理由に「自己評価は○」とあるのに☆が付いている）") \
  X(report_revise_unchanged, "report-revise-unchanged", warning, content, "report", \
    "an item whose 次年度方向性 says it changes (変更) but that next year's edition prints unchanged", \
    "次年度方向性が「変更」なのに、次年度版で内容が変わっていない項目") \
  X(report_indicator_target, "report-indicator-target", warning, content, "report", \
    "an indicator target without a year, or a target year with no actual value though later years have one", \
    "目標値に年度がない指標、または後の年度には実績値があるのに目標年度の実績値がない指標") \
  X(report_no_department, "report-no-department", warning, content, "report", \
    "an item without 担当課 in a plan whose other items name theirs", \
    "ほかの項目には担当課があるのに、担当課が書かれていない項目") \
  X(report_progress_uncovered, "report-progress-uncovered", warning, content, "report", \
    "an item of a progress report that no progress paragraph covers (its category carries none)", \
    "進捗報告の項目で、属する分類に進捗状況の段落がなく、進捗がどこにも報告されていないもの")

/// Every diagnostic code (generated from PLANPRESS_DIAGNOSTIC_CODES).
enum class Code : std::uint8_t {
#define PLANPRESS_CODE_ENUM(id, name, severity, exit_class, phase, summary, summary_ja) id,
  PLANPRESS_DIAGNOSTIC_CODES(PLANPRESS_CODE_ENUM)
#undef PLANPRESS_CODE_ENUM
};

/// A text in the two languages planpress speaks: Japanese (the default) and English (`--lang en`).
struct Text {
  std::string_view en;
  std::string_view ja;
};

/// The languages of messages; Japanese is the default.
enum class Lang : std::uint8_t { ja, en };

/// `text` in `lang`.
constexpr std::string_view in_lang(const Text& text, Lang lang) { return lang == Lang::ja ? text.ja : text.en; }

/// One row of the catalogue.
struct CodeInfo {
  Code code;
  std::string_view name;  ///< as printed in brackets: "xref-unresolved"
  Severity severity;
  ExitClass exit_class;
  std::string_view phase;  ///< the phase that reports it ("load", "validate" …), for the documentation
  Text summary;            ///< one line: what the problem is
};

/// The whole catalogue, one row per `Code`, in enum order.
std::span<const CodeInfo> code_catalogue();

/// The catalogue row of `code`.
const CodeInfo& info(Code code);

/// The printed name of `code` ("xref-unresolved").
std::string_view name_of(Code code);

/// The code printed as `name`, if there is one.
std::optional<Code> code_named(std::string_view name);

}  // namespace planpress::base
