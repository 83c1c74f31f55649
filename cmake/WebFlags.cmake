# Flags shared by every page built for the browser: the labcalc page (src/platform/web) and the
# benchmark's reference, the bare Dear ImGui page (bench/bare_page). Keeping them in one place is what
# makes scripts/bench-page's comparison fair.
set(LABCALC_WEB_LINK_FLAGS
  -sALLOW_MEMORY_GROWTH=1
  -sNO_FILESYSTEM=1
  -sDYNAMIC_EXECUTION=0          # no eval / new Function: required by the CSP
  -sENVIRONMENT=web
  -sMINIFY_HTML=0)               # Debian's 3.1.6 crashes in its HTML minifier

# Compile options for a page's own sources.
function(labcalc_web_compile_options target)
endfunction()
