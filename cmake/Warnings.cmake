# Warnings on for our own targets only (third-party sources keep their own).
function(labcalc_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(LABCALC_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Link flags every wasm program of ours that runs under Node (tests, CLI) needs.
function(labcalc_node_program target)
  if(EMSCRIPTEN)
    target_link_options(${target} PRIVATE -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sNODERAWFS=1
                        -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0)
  endif()
endfunction()
