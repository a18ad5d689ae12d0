# The libharu version pdf/libharu_internals.cpp was reviewed for. That file writes into libharu's internal
# structs (the font cmap, the subset tag, fonts loaded from memory), which libharu may change in any
# release; so any other version stops the configure until someone has reviewed the file.
set(PLANPRESS_LIBHARU_REVIEWED_VERSION "2.3.0")
set(PLANPRESS_LIBHARU_REVIEWED_VERSION_ID 20300)

# planpress_check_libharu_version(<include dir>): fails with a message saying what to review when the
# hpdf_version.h in <include dir> is not the reviewed version (or cannot be read).
function(planpress_check_libharu_version include_dir)
  set(header "${include_dir}/hpdf_version.h")
  if(NOT EXISTS "${header}")
    message(FATAL_ERROR "libharu: ${header} not found, so its version cannot be checked against the "
                        "${PLANPRESS_LIBHARU_REVIEWED_VERSION} that generator/pdf/libharu_internals.cpp was reviewed for.")
  endif()
  file(STRINGS "${header}" line REGEX "^#define[ \t]+HPDF_VERSION_TEXT[ \t]+\"[^\"]*\"")
  string(REGEX REPLACE ".*\"([^\"]*)\".*" "\\1" version "${line}")
  if(NOT version STREQUAL PLANPRESS_LIBHARU_REVIEWED_VERSION)
    message(FATAL_ERROR
      "libharu ${version} found (${header}), but generator/pdf/libharu_internals.cpp was reviewed for libharu "
      "${PLANPRESS_LIBHARU_REVIEWED_VERSION} only: it writes into libharu's internal structs. Before building "
      "with ${version}, review that file against the new hpdf_doc.h, hpdf_fontdef.h, hpdf_mmgr.h and "
      "hpdf_streams.h (the document's mmgr and ttfont_tag, HPDF_TTFontDef_Load and the subset tag, the "
      "TrueType cmap fields and the format-4 lookup in hpdf_fontdef_tt.c), then set "
      "PLANPRESS_LIBHARU_REVIEWED_VERSION and _VERSION_ID in generator/pdf/libharu_version.cmake.")
  endif()
  message(STATUS "libharu ${version}: the version generator/pdf/libharu_internals.cpp was reviewed for")
endfunction()
