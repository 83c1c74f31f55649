# labcalc_wasm_timing: a plain timing program (no Google Benchmark) that times one evaluation, the
# report with and without flip points, and the 128 x 128 decision map. It builds natively (included
# from bench/CMakeLists.txt) and under Emscripten (included from the top-level CMakeLists), where it
# lands at build/<preset>/labcalc_wasm_timing.js and runs as
#   node --no-experimental-fetch build/web/labcalc_wasm_timing.js
add_executable(labcalc_wasm_timing "${CMAKE_CURRENT_LIST_DIR}/wasm_timing.cpp")
target_link_libraries(labcalc_wasm_timing PRIVATE labcalc::core)
labcalc_warnings(labcalc_wasm_timing)
labcalc_node_program(labcalc_wasm_timing)
set_target_properties(labcalc_wasm_timing PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
