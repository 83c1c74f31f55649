# Dear ImGui 1.86 from third_party/imgui (unpacked from Debian's source package by scripts/fetch-imgui;
# never committed). Two static targets, like Tracy's own ImGui target:
#   labcalc_imgui           the core library + misc/cpp/imgui_stdlib (no GL, no window system), so the UI
#                           layer and its headless tests need neither;
#   labcalc_imgui_backends  imgui_impl_glfw + imgui_impl_opengl3, for the web page and the desktop app.
# The web build uses Emscripten's built-in GLFW 3 and WebGL 2 (GLSL "#version 300 es"); the desktop
# build uses the system GLFW 3 and OpenGL 3 (GLSL "#version 130"); each platform passes its GLSL string to
# ImGui_ImplOpenGL3_Init (a "#" in a compile definition is not portable across CMake generators).
set(LABCALC_IMGUI_DIR "${PROJECT_SOURCE_DIR}/third_party/imgui" CACHE PATH "Dear ImGui 1.86 sources")
if(NOT EXISTS "${LABCALC_IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${LABCALC_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${LABCALC_IMGUI_DIR}: run scripts/fetch-imgui")
endif()

add_library(labcalc_imgui STATIC
  "${LABCALC_IMGUI_DIR}/imgui.cpp"
  "${LABCALC_IMGUI_DIR}/imgui_draw.cpp"
  "${LABCALC_IMGUI_DIR}/imgui_tables.cpp"
  "${LABCALC_IMGUI_DIR}/imgui_widgets.cpp"
  "${LABCALC_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
# SYSTEM: third-party headers must not trip our -Werror warnings.
target_include_directories(labcalc_imgui SYSTEM PUBLIC "${LABCALC_IMGUI_DIR}" "${LABCALC_IMGUI_DIR}/misc/cpp")
# No ini file and no file functions: the web page has no filesystem, and the desktop app keeps its
# state through the platform layer, so both builds behave the same. Obsolete 1.8x names are disabled
# so we do not start depending on them.
target_compile_definitions(labcalc_imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

add_library(labcalc_imgui_backends STATIC
  "${LABCALC_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
  "${LABCALC_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(labcalc_imgui_backends SYSTEM PUBLIC "${LABCALC_IMGUI_DIR}/backends")
target_link_libraries(labcalc_imgui_backends PUBLIC labcalc_imgui)

if(EMSCRIPTEN)
  # Real OpenGL ES 3 / WebGL 2 rather than 1.86's default ES2 path on Emscripten.
  target_compile_definitions(labcalc_imgui_backends PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_link_options(labcalc_imgui_backends INTERFACE
    "-sUSE_GLFW=3" "-sUSE_WEBGL2=1" "-sMIN_WEBGL_VERSION=2" "-sMAX_WEBGL_VERSION=2" "-sFULL_ES3=1")
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(labcalc_imgui_backends PUBLIC glfw OpenGL::GL)
endif()
