# Flags shared by every page built for the browser: the labcalc page (src/platform/web) and the
# benchmark's reference, the bare Dear ImGui page (bench/bare_page). Keeping them in one place is what
# makes scripts/bench-page's comparison fair.
set(LABCALC_WEB_LINK_FLAGS
  -sALLOW_MEMORY_GROWTH=1
  -sNO_FILESYSTEM=1
  -sDYNAMIC_EXECUTION=0          # no eval / new Function: required by the CSP
  -sENVIRONMENT=web
  -sDISABLE_EXCEPTION_CATCHING=1 # the default, stated: the page never catches (core parsers never throw)
  -Os                            # wasm-opt and the JS minifier (after the build type's -O3); see below
  -sMINIFY_HTML=0)               # Debian's 3.1.6 crashes in its HTML minifier
# -Os, not -Oz, at link: wasm-opt's -Oz pass over the whole module undid the -O3 the core's hot loops are
# compiled with (the timing harness linked at -Oz ran the model 2.1-2.7x slower under Node: 1,000 futures of
# "How sure" 18.1 ms against 8.7-9.1 ms, the 128 x 128 decision map 25.5 ms against 6.5 ms), whether or not those
# files were LTO bitcode. -Os runs them at the -O3 speed for about 8 KB gzip more (index.wasm 386.2 -> 394.4 KB).

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
