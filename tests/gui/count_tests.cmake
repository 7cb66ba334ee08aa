# Fails unless the GUI test binary, started under Xvfb, lists at least one test: a wx test binary
# that could not open a display would otherwise register nothing and pass unnoticed.
execute_process(COMMAND ${XVFB_RUN} -a ${BINARY} --list-test-names-only
                OUTPUT_VARIABLE names RESULT_VARIABLE result ERROR_VARIABLE errors)
string(REGEX MATCHALL "[^\n]+" lines "${names}")
list(LENGTH lines count)
if(count EQUAL 0)
  message(FATAL_ERROR "the GUI test binary registered no tests (exit ${result}): ${errors}")
endif()
message(STATUS "the GUI test binary registers ${count} tests")
