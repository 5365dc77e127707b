# Fails when i18n/lessons/pasapas-lessons.pot differs from what pasapas-cli extracts now.
execute_process(COMMAND ${CLI} lessons pot ${LESSONS} OUTPUT_VARIABLE current RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pasapas-cli lessons pot failed (${rc})")
endif()
file(READ ${POT} committed)
if(NOT current STREQUAL committed)
  message(FATAL_ERROR "${POT} is out of date: run i18n/update.sh and commit it")
endif()
