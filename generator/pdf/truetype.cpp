#include "pdf/truetype.hpp"

#include <algorithm>
#include <cstring>

namespace planpress::pdf {

namespace {

// Big-endian readers over the file; every read is bounds-checked by the caller through `fits`.
struct Reader {
  std::string_view b;
  bool fits(std::size_t off, std::size_t len) const { return off <= b.size() && len <= b.size() - off; }
  std::uint16_t u16(std::size_t off) const {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(b[off]) << 8) | static_cast<unsigned char>(b[off + 1]));
  }
  std::int16_t s16(std::size_t off) const { return static_cast<std::int16_t>(u16(off)); }
  std::uint32_t u32(std::size_t off) const { return (std::uint32_t(u16(off)) << 16) | u16(off + 2); }
};

struct Table {
  std::size_t offset = 0, length = 0;
  bool found = false;
};

// The BMP part of a format 12 subtable at `at` into `bmp`.
bool read_format12(const Reader& r, std::size_t at, std::vector<std::uint16_t>& bmp, std::string& error) {
  const std::uint32_t groups = r.u32(at + 12);
  if (!r.fits(at + 16, std::size_t(groups) * 12)) {
    error = "truncated cmap format 12 subtable";
    return false;
  }
  for (std::uint32_t g = 0; g < groups; ++g) {
    const std::size_t p = at + 16 + std::size_t(g) * 12;
    const std::uint32_t start = r.u32(p), end = r.u32(p + 4), gid = r.u32(p + 8);
    for (std::uint32_t cp = start; cp <= end && cp < 0x10000; ++cp) bmp[cp] = static_cast<std::uint16_t>(gid + (cp - start));
  }
  return true;
}

// A format 4 subtable at `at` into `bmp`.
bool read_format4(const Reader& r, std::size_t at, std::vector<std::uint16_t>& bmp, std::string& error) {
  const std::uint16_t seg_x2 = r.u16(at + 6);
  const std::size_t ends = at + 14, starts = ends + seg_x2 + 2, deltas = starts + seg_x2, ranges = deltas + seg_x2;
  if (!r.fits(ranges, seg_x2)) {
    error = "truncated cmap format 4 subtable";
    return false;
  }
  for (std::size_t s = 0; s < seg_x2 / 2u; ++s) {
    const std::uint16_t end = r.u16(ends + s * 2), start = r.u16(starts + s * 2);
    const std::uint16_t delta = r.u16(deltas + s * 2), range = r.u16(ranges + s * 2);
    for (std::uint32_t cp = start; cp <= end && cp < 0xFFFF; ++cp) {
      std::uint16_t gid = 0;
      if (range == 0) {
        gid = static_cast<std::uint16_t>(cp + delta);
      } else {
        const std::size_t p = ranges + s * 2 + range + (cp - start) * 2;
        if (r.fits(p, 2) && r.u16(p) != 0) gid = static_cast<std::uint16_t>(r.u16(p) + delta);
      }
      bmp[cp] = gid;
    }
  }
  return true;
}

// The character map into `bmp` (code point → glyph id): the full-Unicode subtable (3,10 format 12) when
// there is one, else the BMP one (3,1 / 0,x format 4).
bool read_unicode_cmap(const Reader& r, const Table& cmap, std::vector<std::uint16_t>& bmp, std::string& error) {
  const std::uint16_t subtables = r.u16(cmap.offset + 2);
  std::size_t fmt4 = 0, fmt12 = 0;
  for (std::uint16_t i = 0; i < subtables; ++i) {
    const std::size_t rec = cmap.offset + 4 + std::size_t(i) * 8;
    if (!r.fits(rec, 8)) break;
    const std::uint16_t platform = r.u16(rec), encoding = r.u16(rec + 2);
    const std::size_t off = cmap.offset + r.u32(rec + 4);
    if (!r.fits(off, 4)) continue;
    const std::uint16_t format = r.u16(off);
    const bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    if (format == 12 && !fmt12) fmt12 = off;
    if (format == 4 && !fmt4) fmt4 = off;
  }
  if (fmt12 && r.fits(fmt12, 16)) return read_format12(r, fmt12, bmp, error);
  if (fmt4 && r.fits(fmt4, 14)) return read_format4(r, fmt4, bmp, error);
  error = "no Unicode character map (cmap 3,1 or 3,10)";
  return false;
}

}  // namespace

std::optional<TrueTypeFont> TrueTypeFont::parse(std::string_view bytes, std::string& error) {
  Reader r{bytes};
  if (!r.fits(0, 12)) {
    error = "file too short for a TrueType font";
    return std::nullopt;
  }
  const std::uint32_t version = r.u32(0);
  if (version != 0x00010000 && version != 0x74727565 /* 'true' */) {
    error = version == 0x4F54544F ? "a CFF (OpenType 'OTTO') font; libharu needs TrueType outlines" : "not a TrueType font";
    return std::nullopt;
  }
  const std::uint16_t num_tables = r.u16(4);
  if (!r.fits(12, std::size_t(num_tables) * 16)) {
    error = "truncated table directory";
    return std::nullopt;
  }
  auto find = [&](const char* tag) {
    Table t;
    for (std::uint16_t i = 0; i < num_tables; ++i) {
      const std::size_t rec = 12 + std::size_t(i) * 16;
      if (std::memcmp(bytes.data() + rec, tag, 4) == 0) {
        t.offset = r.u32(rec + 8);
        t.length = r.u32(rec + 12);
        t.found = r.fits(t.offset, t.length);
      }
    }
    return t;
  };
  const Table head = find("head"), hhea = find("hhea"), hmtx = find("hmtx"), cmap = find("cmap"), os2 = find("OS/2");
  if (!head.found || head.length < 54 || !hhea.found || hhea.length < 36 || !hmtx.found || !cmap.found || cmap.length < 4) {
    error = "missing or truncated head, hhea, hmtx or cmap table";
    return std::nullopt;
  }
  TrueTypeFont font;
  for (std::uint16_t i = 0; i < num_tables; ++i) {
    const std::size_t rec = 12 + std::size_t(i) * 16;
    TableRecord t;
    std::memcpy(t.tag, bytes.data() + rec, 4);
    t.offset = r.u32(rec + 8);
    t.length = r.u32(rec + 12);
    if (r.fits(t.offset, t.length)) font.tables_.push_back(t);
  }
  const Table maxp = find("maxp");
  if (!maxp.found || maxp.length < 6) {
    error = "missing maxp table";
    return std::nullopt;
  }
  font.num_glyphs_ = r.u16(maxp.offset + 4);
  font.index_to_loc_format_ = r.s16(head.offset + 50);
  // The outlines: a font cut short (a copy that stopped half way) must fail here, as font-invalid, not when
  // libharu embeds it. loca needs an entry per glyph plus one, each inside glyf.
  const Table loca = find("loca"), glyf = find("glyf");
  const std::size_t entry = font.index_to_loc_format_ == 0 ? 2 : 4;
  if (!loca.found || !glyf.found || loca.length < (std::size_t(font.num_glyphs_) + 1) * entry) {
    error = "missing or truncated glyf or loca table (is the file complete?)";
    return std::nullopt;
  }
  const std::size_t last = entry == 2 ? std::size_t(r.u16(loca.offset + std::size_t(font.num_glyphs_) * 2)) * 2
                                      : r.u32(loca.offset + std::size_t(font.num_glyphs_) * 4);
  if (last > glyf.length) {
    error = "the glyf table ends before its last glyph (is the file complete?)";
    return std::nullopt;
  }
  font.units_per_em_ = r.u16(head.offset + 18);
  if (font.units_per_em_ == 0) font.units_per_em_ = 1000;
  const double upem = font.units_per_em_;
  // Vertical metrics: OS/2 typographic values when present, else hhea.
  if (os2.found && os2.length >= 74) {
    font.ascent_ = r.s16(os2.offset + 68) / upem;
    font.descent_ = -r.s16(os2.offset + 70) / upem;
  } else {
    font.ascent_ = r.s16(hhea.offset + 4) / upem;
    font.descent_ = -r.s16(hhea.offset + 6) / upem;
  }
  const std::uint16_t metrics = r.u16(hhea.offset + 34);
  if (metrics == 0 || hmtx.length < std::size_t(metrics) * 4) {
    error = "hmtx table shorter than hhea says";
    return std::nullopt;
  }
  font.advances_.resize(metrics);
  for (std::uint16_t i = 0; i < metrics; ++i) font.advances_[i] = r.u16(hmtx.offset + std::size_t(i) * 4);

  font.bmp_.assign(0x10000, 0);
  if (!read_unicode_cmap(r, cmap, font.bmp_, error)) return std::nullopt;
  font.bmp_advance_em_.assign(0x10000, 0.0f);
  for (std::uint32_t cp = 0; cp < 0x10000; ++cp)
    if (font.bmp_[cp]) font.bmp_advance_em_[cp] = static_cast<float>(font.glyph_advance(font.bmp_[cp]) / upem);
  return font;
}

std::uint16_t TrueTypeFont::glyph_advance(std::uint16_t gid) const {
  if (advances_.empty()) return 0;
  return gid < advances_.size() ? advances_[gid] : advances_.back();
}

namespace {

// Big-endian writers for the subset.
void put16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, static_cast<std::uint16_t>(v >> 16));
  put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
}
void set16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
  set16(s, at, static_cast<std::uint16_t>(v >> 16));
  set16(s, at + 2, static_cast<std::uint16_t>(v & 0xFFFF));
}
std::uint32_t checksum(std::string_view t) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < t.size(); i += 4) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | (i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u);
    sum += v;
  }
  return sum;
}

}  // namespace

namespace {

// Where the next component record of a composite glyph starts, after the one at `p` with `flags`.
std::size_t next_component(std::size_t p, std::uint16_t flags) {
  std::size_t next = p + 4 + ((flags & 0x0001) ? 4 : 2);  // ARG_1_AND_2_ARE_WORDS
  if (flags & 0x0008) next += 2;                          // WE_HAVE_A_SCALE
  else if (flags & 0x0040) next += 4;                     // WE_HAVE_AN_X_AND_Y_SCALE
  else if (flags & 0x0080) next += 8;                     // WE_HAVE_A_TWO_BY_TWO
  return next;
}

constexpr std::uint16_t kMoreComponents = 0x0020;
constexpr std::uint16_t kWeHaveInstructions = 0x0100;

// A simple glyph without its hinting instructions (42% of IPAex's glyph data): PDF viewers and printers
// rasterise without them, and the PDF gets smaller and faster to write.
std::string without_instructions(std::string g) {
  Reader sr{g};
  const std::size_t contours = static_cast<std::size_t>(sr.s16(0));
  const std::size_t at = 10 + 2 * contours;
  if (sr.fits(at, 2)) {
    const std::size_t length = sr.u16(at);
    if (sr.fits(at + 2, length)) g = g.substr(0, at) + std::string(2, '\0') + g.substr(at + 2 + length);
  }
  return g;
}

// A composite glyph with its component ids renumbered by `remap` and the instructions after the last
// component cut (WE_HAVE_INSTRUCTIONS cleared).
std::string renumbered_composite(std::string g, const std::vector<std::uint16_t>& remap, std::uint16_t num_glyphs) {
  Reader cr{g};
  for (std::size_t p = 10; cr.fits(p, 4);) {
    const std::uint16_t flags = cr.u16(p);
    set16(g, p + 2, remap[cr.u16(p + 2) < num_glyphs ? cr.u16(p + 2) : 0]);
    const std::size_t next = next_component(p, flags);
    if (!(flags & kMoreComponents)) {
      if (flags & kWeHaveInstructions) {
        set16(g, p, static_cast<std::uint16_t>(flags & ~kWeHaveInstructions));
        if (next <= g.size()) g.resize(next);
      }
      break;
    }
    p = next;
  }
  return g;
}

// A cmap table with one format 4 subtable (3,1): a segment per run of consecutive code points and glyphs
// (`glyph_of` maps each of the sorted, distinct `cps` to its new glyph id).
std::string format4_cmap(const std::vector<char32_t>& cps, const std::vector<std::uint16_t>& glyph_of) {
  struct Seg {
    std::uint16_t start, end;
    std::int16_t delta;
  };
  std::vector<Seg> segs;
  for (char32_t cp : cps) {
    const std::uint16_t g = glyph_of[cp];
    const auto delta = static_cast<std::int16_t>(static_cast<std::uint16_t>(g - static_cast<std::uint16_t>(cp)));
    if (!segs.empty() && segs.back().end + 1u == cp && segs.back().delta == delta) segs.back().end = static_cast<std::uint16_t>(cp);
    else segs.push_back(Seg{static_cast<std::uint16_t>(cp), static_cast<std::uint16_t>(cp), delta});
  }
  segs.push_back(Seg{0xFFFF, 0xFFFF, 1});
  std::string sub;
  const auto seg_x2 = static_cast<std::uint16_t>(segs.size() * 2);
  std::uint16_t search = 2, selector = 0;
  while (search * 2u <= seg_x2) {
    search = static_cast<std::uint16_t>(search * 2);
    ++selector;
  }
  put16(sub, 4);
  put16(sub, static_cast<std::uint16_t>(16 + segs.size() * 8));
  put16(sub, 0);
  put16(sub, seg_x2);
  put16(sub, search);
  put16(sub, selector);
  put16(sub, static_cast<std::uint16_t>(seg_x2 - search));
  for (const auto& sg : segs) put16(sub, sg.end);
  put16(sub, 0);
  for (const auto& sg : segs) put16(sub, sg.start);
  for (const auto& sg : segs) put16(sub, static_cast<std::uint16_t>(sg.delta));
  for (std::size_t i = 0; i < segs.size(); ++i) put16(sub, 0);
  std::string cmap;
  put16(cmap, 0);
  put16(cmap, 1);
  put16(cmap, 3);
  put16(cmap, 1);
  put32(cmap, 12);
  return cmap + sub;
}

// A font file of `tables` (tag, data; in tag order): the table directory with checksums, the tables
// padded to 4 bytes, and head's checkSumAdjustment.
std::string assemble_font(const std::vector<std::pair<std::string, std::string>>& tables) {
  const auto n = static_cast<std::uint16_t>(tables.size());
  std::uint16_t range = 1, sel = 0;
  while (range * 2u <= n) {
    range = static_cast<std::uint16_t>(range * 2);
    ++sel;
  }
  std::string font;
  put32(font, 0x00010000);
  put16(font, n);
  put16(font, static_cast<std::uint16_t>(range * 16));
  put16(font, sel);
  put16(font, static_cast<std::uint16_t>(n * 16 - range * 16));
  std::size_t offset = 12 + std::size_t(n) * 16;
  std::size_t head_at = 0;
  std::string body;
  for (const auto& [tag, data] : tables) {
    font += tag;
    put32(font, checksum(data));
    put32(font, static_cast<std::uint32_t>(offset + body.size()));
    put32(font, static_cast<std::uint32_t>(data.size()));
    if (tag == "head") head_at = offset + body.size();
    body += data;
    while (body.size() % 4) body += '\0';
  }
  font += body;
  if (head_at && font.size() >= head_at + 12) set32(font, head_at + 8, 0xB1B0AFBAu - checksum(font));
  return font;
}

}  // namespace

// The stages of TrueTypeFont::subset over one font file: which glyphs to keep, then each new table.
class TrueTypeFont::Subsetter {
 public:
  Subsetter(const TrueTypeFont& font, std::string_view bytes)
      : f_(font), bytes_(bytes), loca_(table("loca")), glyf_(table("glyf")) {}

  // A table of the original file ("" when absent).
  std::string_view table(const char* tag) const {
    for (const auto& t : f_.tables_)
      if (std::memcmp(t.tag, tag, 4) == 0) return bytes_.substr(t.offset, t.length);
    return {};
  }

  // .notdef, the glyphs of the code points and every component of a composite, sorted.
  std::vector<std::uint16_t> glyphs_to_keep(const std::vector<char32_t>& code_points) const {
    std::vector<std::uint16_t> keep = {0};
    std::vector<bool> kept(f_.num_glyphs_ + 1u, false);
    kept[0] = true;
    auto add = [&](std::uint16_t g) {
      if (g < f_.num_glyphs_ && !kept[g]) {
        kept[g] = true;
        keep.push_back(g);
      }
    };
    for (char32_t cp : code_points)
      if (const std::uint16_t g = f_.glyph(cp)) add(g);
    Reader gr{glyf_};
    for (std::size_t k = 0; k < keep.size(); ++k) {
      const auto [b, e] = glyph_range(keep[k]);
      if (e - b < 10 || gr.s16(b) >= 0) continue;
      for (std::size_t p = b + 10; gr.fits(p, 4);) {
        const std::uint16_t flags = gr.u16(p);
        add(gr.u16(p + 2));
        p = next_component(p, flags);
        if (!(flags & kMoreComponents)) break;
      }
    }
    std::sort(keep.begin(), keep.end());
    return keep;
  }

  // glyf and loca (long offsets) of the kept glyphs, renumbered by `remap`, without instructions.
  std::pair<std::string, std::string> glyf_and_loca(const std::vector<std::uint16_t>& keep, const std::vector<std::uint16_t>& remap) const {
    std::string glyf, loca;
    for (std::uint16_t old : keep) {
      put32(loca, static_cast<std::uint32_t>(glyf.size()));
      const auto [b, e] = glyph_range(old);
      std::string g(glyf_.substr(b, e - b));
      if (g.size() >= 10 && Reader{g}.s16(0) >= 0) g = without_instructions(std::move(g));
      else if (g.size() >= 10) g = renumbered_composite(std::move(g), remap, f_.num_glyphs_);
      glyf += g;
      while (glyf.size() % 4) glyf += '\0';
    }
    put32(loca, static_cast<std::uint32_t>(glyf.size()));
    return {glyf, loca};
  }

  // hmtx: a full metric (advance, left side bearing) for every kept glyph.
  std::string hmtx(const std::vector<std::uint16_t>& keep) const {
    const auto old_metrics = static_cast<std::uint16_t>(f_.advances_.size());
    std::string out;
    Reader hr{table("hmtx")};
    for (std::uint16_t old : keep) {
      put16(out, f_.glyph_advance(old));
      std::int16_t lsb = 0;
      if (old < old_metrics) {
        lsb = hr.fits(std::size_t(old) * 4 + 2, 2) ? hr.s16(std::size_t(old) * 4 + 2) : 0;
      } else {
        const std::size_t at = std::size_t(old_metrics) * 4 + std::size_t(old - old_metrics) * 2;
        lsb = hr.fits(at, 2) ? hr.s16(at) : 0;
      }
      put16(out, static_cast<std::uint16_t>(lsb));
    }
    return out;
  }

  // The BMP code points of `code_points` the font has, sorted and distinct.
  std::vector<char32_t> mapped(const std::vector<char32_t>& code_points) const {
    std::vector<char32_t> cps;
    for (char32_t cp : code_points)
      if (cp < 0xFFFF && f_.glyph(cp)) cps.push_back(cp);
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    return cps;
  }

  // head (long loca offsets, checksum adjustment to fill in), hhea and maxp with the new glyph count,
  // post format 3 (no glyph names: the old names would be indexed by the old glyph ids).
  std::string head() const {
    std::string t(table("head"));
    if (t.size() >= 54) {
      set32(t, 8, 0);
      set16(t, 50, 1);
    }
    return t;
  }
  std::string hhea(std::uint16_t count) const {
    std::string t(table("hhea"));
    if (t.size() >= 36) set16(t, 34, count);
    return t;
  }
  std::string maxp(std::uint16_t count) const {
    std::string t(table("maxp"));
    if (t.size() >= 6) set16(t, 4, count);
    return t;
  }
  std::string post() const {
    std::string t(table("post"));
    if (t.size() >= 32) {
      t.resize(32);
      set32(t, 0, 0x00030000);
    }
    return t;
  }

 private:
  // The byte range of a glyph in glyf (empty for none or a bad loca entry).
  std::pair<std::size_t, std::size_t> glyph_range(std::uint16_t gid) const {
    if (gid >= f_.num_glyphs_) return {0, 0};
    Reader l{loca_};
    std::size_t begin = 0, end = 0;
    if (f_.index_to_loc_format_ == 0) {
      if (!l.fits(std::size_t(gid) * 2, 4)) return {0, 0};
      begin = std::size_t(l.u16(std::size_t(gid) * 2)) * 2;
      end = std::size_t(l.u16(std::size_t(gid) * 2 + 2)) * 2;
    } else {
      if (!l.fits(std::size_t(gid) * 4, 8)) return {0, 0};
      begin = l.u32(std::size_t(gid) * 4);
      end = l.u32(std::size_t(gid) * 4 + 4);
    }
    if (end < begin || end > glyf_.size()) return {0, 0};
    return {begin, end};
  }

  const TrueTypeFont& f_;
  std::string_view bytes_, loca_, glyf_;
};

std::string TrueTypeFont::subset(std::string_view bytes, const std::vector<char32_t>& code_points,
                                 std::vector<std::uint16_t>& new_gid) const {
  const Subsetter s(*this, bytes);
  const std::vector<std::uint16_t> keep = s.glyphs_to_keep(code_points);
  std::vector<std::uint16_t> remap(num_glyphs_ + 1u, 0);
  for (std::size_t i = 0; i < keep.size(); ++i) remap[keep[i]] = static_cast<std::uint16_t>(i);
  const auto count = static_cast<std::uint16_t>(keep.size());
  const std::vector<char32_t> cps = s.mapped(code_points);
  new_gid.assign(0x10000, 0);
  for (char32_t cp : cps) new_gid[cp] = remap[glyph(cp)];
  auto [glyf, loca] = s.glyf_and_loca(keep, remap);
  // The tables libharu requires (hpdf_fontdef_tt.c REQUIRED_TAGS), in tag order.
  return assemble_font({{"OS/2", std::string(s.table("OS/2"))}, {"cmap", format4_cmap(cps, new_gid)},
                        {"cvt ", std::string(s.table("cvt "))}, {"fpgm", std::string(s.table("fpgm"))},
                        {"glyf", std::move(glyf)}, {"head", s.head()}, {"hhea", s.hhea(count)}, {"hmtx", s.hmtx(keep)},
                        {"loca", std::move(loca)}, {"maxp", s.maxp(count)}, {"name", std::string(s.table("name"))},
                        {"post", s.post()}, {"prep", std::string(s.table("prep"))}});
}

double TrueTypeFont::advance(char32_t cp) const { return cp < bmp_advance_em_.size() ? bmp_advance_em_[cp] : 0.0; }

}  // namespace planpress::pdf
