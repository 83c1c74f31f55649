# The SCORM 1.2 package for LMSs (Moodle: Add an activity -> SCORM package): build/web/labcalc-scorm.zip
# holds imsmanifest.xml at its root, our launch page (web/scorm: talks to the LMS, frames the calculator)
# and the self-contained labcalc.html. Part of the default web build. Include it after src/platform, whose
# web layer defines labcalc_web_single.
if(NOT EMSCRIPTEN OR NOT LABCALC_BUILD_WEB)
  return()
endif()
if(NOT TARGET labcalc_web_single)
  message(FATAL_ERROR "cmake/Scorm.cmake needs labcalc_web_single: include it after add_subdirectory(src/platform)")
endif()

set(_scorm_src "${PROJECT_SOURCE_DIR}/web/scorm")
set(_scorm_stage "${CMAKE_BINARY_DIR}/scorm")
set(LABCALC_SCORM_ZIP "${CMAKE_BINARY_DIR}/labcalc-scorm.zip")
# What the zip holds, manifest first: must match the manifest's <file> list (scorm.manifest checks both ways).
set(_scorm_launch_files launch.html launch.js launch.css)
set(_scorm_files imsmanifest.xml ${_scorm_launch_files} labcalc.html)

# The title LMS course pages show; escaped because it lands in XML text.
set(LABCALC_SCORM_TITLE "labcalc ${PROJECT_VERSION}: home lab, cloud or hybrid?")
string(REPLACE "&" "&amp;" LABCALC_SCORM_TITLE "${LABCALC_SCORM_TITLE}")
string(REPLACE "<" "&lt;" LABCALC_SCORM_TITLE "${LABCALC_SCORM_TITLE}")
string(REPLACE ">" "&gt;" LABCALC_SCORM_TITLE "${LABCALC_SCORM_TITLE}")

# Manifest and launch files are staged at configure time (configure_file reruns CMake when they change);
# labcalc.html is a build output, so it is copied by the build step below.
configure_file("${_scorm_src}/imsmanifest.xml.in" "${_scorm_stage}/imsmanifest.xml" @ONLY)
set(_scorm_deps "${_scorm_stage}/imsmanifest.xml")
foreach(_f IN LISTS _scorm_launch_files)
  configure_file("${_scorm_src}/${_f}" "${_scorm_stage}/${_f}" COPYONLY)
  list(APPEND _scorm_deps "${_scorm_stage}/${_f}")
endforeach()

# cmake -E tar writes the zip itself (libarchive), so no zip tool is needed; it runs in the staging folder
# so the entry names are bare file names and the manifest sits at the zip root.
add_custom_command(
  OUTPUT "${LABCALC_SCORM_ZIP}"
  BYPRODUCTS "${_scorm_stage}/labcalc.html"
  COMMAND "${CMAKE_COMMAND}" -E copy "${CMAKE_BINARY_DIR}/labcalc.html" "${_scorm_stage}/labcalc.html"
  COMMAND "${CMAKE_COMMAND}" -E tar cf "${LABCALC_SCORM_ZIP}" --format=zip ${_scorm_files}
  WORKING_DIRECTORY "${_scorm_stage}"
  DEPENDS labcalc_web_single "${CMAKE_BINARY_DIR}/labcalc.html" ${_scorm_deps}
  COMMENT "Packaging the SCORM 1.2 zip: ${LABCALC_SCORM_ZIP}"
  VERBATIM)
add_custom_target(labcalc_scorm ALL DEPENDS "${LABCALC_SCORM_ZIP}")

if(LABCALC_BUILD_TESTS)
  # Emscripten itself runs on python3, so the interpreter is always there in a web build.
  find_package(Python3 3.6 REQUIRED COMPONENTS Interpreter)
  set(_scorm_tests "${PROJECT_SOURCE_DIR}/tests/scorm")
  # The built package, as an LMS import would read it.
  add_test(NAME scorm.manifest COMMAND "${Python3_EXECUTABLE}" "${_scorm_tests}/check_scorm.py" "${LABCALC_SCORM_ZIP}")
  # The checker itself must fail on broken packages (built in a temporary folder from web/scorm).
  add_test(NAME scorm.checker_rejects_bad_packages COMMAND "${Python3_EXECUTABLE}" "${_scorm_tests}/test_check_scorm.py")
  # launch.js against fake LMS APIs in node:vm (LABCALC_NODE: cmake/Dependencies.cmake).
  add_test(NAME scorm.launch_api COMMAND "${LABCALC_NODE}" "${_scorm_tests}/test_launch.mjs" "${_scorm_src}/launch.js")
endif()
