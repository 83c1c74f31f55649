# Header-only dependencies from Debian's packages (nlohmann-json3-dev, catch2).
# Natively they come through find_package. The Emscripten toolchain hides host packages, and adding
# /usr/include to a wasm build drags in glibc headers, so the wasm build gets a folder that holds only
# links to the two libraries' header folders.
if(EMSCRIPTEN)
  set(_labcalc_hdrs "${CMAKE_BINARY_DIR}/host-headers")
  file(MAKE_DIRECTORY "${_labcalc_hdrs}")
  foreach(_dir nlohmann catch2)
    if(NOT EXISTS "/usr/include/${_dir}")
      message(FATAL_ERROR "/usr/include/${_dir} is missing: run scripts/install-deps")
    endif()
    if(NOT EXISTS "${_labcalc_hdrs}/${_dir}")
      file(CREATE_LINK "/usr/include/${_dir}" "${_labcalc_hdrs}/${_dir}" SYMBOLIC)
    endif()
  endforeach()
  add_library(labcalc_json INTERFACE)
  target_include_directories(labcalc_json SYSTEM INTERFACE "${_labcalc_hdrs}")
  add_library(nlohmann_json::nlohmann_json ALIAS labcalc_json)
  add_library(labcalc_catch2 INTERFACE)
  target_include_directories(labcalc_catch2 SYSTEM INTERFACE "${_labcalc_hdrs}")
  add_library(Catch2::Catch2 ALIAS labcalc_catch2)
  # Node runs the wasm tests and the wasm CLI. Emscripten 3.1.6 output under Node 20 needs
  # --no-experimental-fetch (else "Failed to parse URL from ....wasm").
  find_program(LABCALC_NODE NAMES node nodejs REQUIRED)
  set(LABCALC_WASM_RUNNER "${LABCALC_NODE}" --no-experimental-fetch)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  if(LABCALC_BUILD_TESTS)
    find_package(Catch2 2 REQUIRED)
  endif()
  set(LABCALC_WASM_RUNNER "")
endif()
