# Flags shared by every page built for the browser: the labcalc page (src/platform/web) and the
# benchmark's reference, the bare Dear ImGui page (bench/bare_page). Keeping them in one place is what
# makes scripts/bench-page's comparison fair.
set(LABCALC_WEB_LINK_FLAGS
  -sALLOW_MEMORY_GROWTH=1
  -sNO_FILESYSTEM=1
  -sDYNAMIC_EXECUTION=0          # no eval / new Function: required by the CSP
  -sENVIRONMENT=web
  -sDISABLE_EXCEPTION_CATCHING=1 # the default, stated: the page never catches (core parsers never throw)
  -Oz                            # wasm-opt and the JS minifier for size (after the build type's -O3)
  -sMINIFY_HTML=0)               # Debian's 3.1.6 crashes in its HTML minifier

# Compile options for a page's own sources: optimised for size (the page's code runs once per drawn
# frame; the core's hot loops keep the build type's -O3).
set(LABCALC_WEB_COMPILE_OPTIONS -Os -fno-exceptions)
function(labcalc_web_compile_options target)
  target_compile_options(${target} PRIVATE ${LABCALC_WEB_COMPILE_OPTIONS})
endfunction()
# Dear ImGui itself is page code too.
labcalc_web_compile_options(labcalc_imgui)
labcalc_web_compile_options(labcalc_imgui_backends)
# labcalc's own code on the web (ui and platform here; the core sets the same in src/core, which is
# configured before this file): no RTTI (nothing uses typeid or dynamic_cast; about 0.7 KB gzip) and LTO
# bitcode, so the link drops and merges across the core, ui and platform (about 2.8 KB gzip; the core's
# timings were no slower). Not used by the bare page nor by Dear ImGui: the page benchmark's ratio (scripts/bench-page) counts only
# labcalc's own bytes as changed.
set(LABCALC_WEB_OWN_COMPILE_OPTIONS -fno-rtti -flto)
