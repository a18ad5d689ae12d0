# Runs search_dump and stores its output (ctest cannot redirect a test's stdout to a file by itself).
execute_process(COMMAND ${DUMP} dump ${CONTENT} OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "search_dump failed: ${rc}")
endif()
