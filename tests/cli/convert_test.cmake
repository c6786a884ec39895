# `vigil convert` end to end on the hand-made X IO archive file: 3 posts out, 3 rejected records kept aside,
# exit code 4 (partial input). Run with -DVIGIL=<binary> -DINPUT=<csv> -DWORK=<folder>.
file(REMOVE_RECURSE ${WORK})  # the rejects file is appended to: start each run afresh
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND ${VIGIL} convert --in ${INPUT} --out ${WORK}/posts.jsonl --rejects ${WORK}/rejects.jsonl
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 4)
  message(FATAL_ERROR "expected exit code 4 (partial input), got ${rc}: ${err}")
endif()
if(NOT err MATCHES "detected format 'twitter-io'" OR NOT err MATCHES "3 posts written")
  message(FATAL_ERROR "unexpected report: ${err}")
endif()
# Count lines and match whole-file text: JSON brackets and semicolons do not survive CMake lists.
# read_lines(FILE VAR EXPECTED WHAT): VAR = the file's text; fails unless it has EXPECTED lines.
function(read_lines file var expected what)
  file(READ ${file} text)
  string(REGEX MATCHALL "\n" newlines "${text}")
  list(LENGTH newlines n)
  if(NOT n EQUAL ${expected})
    message(FATAL_ERROR "expected ${expected} ${what}, got ${n}")
  endif()
  set(${var} "${text}" PARENT_SCOPE)
endfunction()
read_lines(${WORK}/posts.jsonl posts 3 "posts")
if(NOT posts MATCHES "\"id\":\"1101000000000000002\"[^\n]*\"published_at\":\"2025-03-10T02:16:00Z\"[^\n]*\"repost_of\":\"1101000000000000001\"")
  message(FATAL_ERROR "retweet not converted as expected: ${posts}")
endif()
read_lines(${WORK}/rejects.jsonl rejects 3 "rejected records")
if(NOT rejects MATCHES "^[^\n]*\"line\":5,[^\n]*\"field\":\"tweet_time\"")
  message(FATAL_ERROR "first rejected record should be line 5, tweet_time: ${rejects}")
endif()
# An unrecognised layout is a usage error naming what each adapter expects.
execute_process(COMMAND ${VIGIL} convert --in ${CMAKE_CURRENT_LIST_DIR}/../data/adapters/unknown_layout.csv
  --out ${WORK}/none.jsonl RESULT_VARIABLE rc2 ERROR_VARIABLE err2)
if(NOT rc2 EQUAL 2 OR NOT err2 MATCHES "tweetid" OR NOT err2 MATCHES "timestamp_share")
  message(FATAL_ERROR "unknown layout: expected exit 2 and the expected columns, got ${rc2}: ${err2}")
endif()
