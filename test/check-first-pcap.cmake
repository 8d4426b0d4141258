# examples/mms-first writes pcaps that Wireshark decodes: run it with IP push and check with
# tshark the MMS PDUs the recipient's link carried, in order. ARGS adds options (e.g.
# --bearer=UMTS-384); LINK is the link type tshark must see first in frame.protocols (ppp for
# point-to-point links, raw for a radio bearer's raw-IP pcap).
if(NOT DEFINED LINK)
  set(LINK ppp)
endif()
separate_arguments(extra UNIX_COMMAND "${ARGS}")
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${FIRST} --ipPush ${extra} WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: mms-first exited with ${rc}")
endif()
find_program(TSHARK tshark)
if(NOT TSHARK)
  message(FATAL_ERROR "FAIL: tshark not found (./setup.sh installs it)")
endif()
# Node 6 is the recipient (gateway 0, four MMSC nodes, originator 5).
execute_process(COMMAND ${TSHARK} -r ${WORKDIR}/mms-first-6-1.pcap -Y mmse -T fields
                        -e mmse.message_type -e wsp.header.x_wap_application_id
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: tshark exited with ${rc}: ${err}")
endif()
execute_process(COMMAND ${TSHARK} -r ${WORKDIR}/mms-first-6-1.pcap -c 1 -T fields
                        -e frame.protocols
                OUTPUT_VARIABLE protocols ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT protocols MATCHES "^${LINK}:ip")
  message(FATAL_ERROR "FAIL: the first frame's protocols are '${protocols}', expected ${LINK}:ip...")
endif()
string(REGEX REPLACE "[\t ]+" " " out "${out}")
string(REGEX REPLACE " \n" "\n" out "${out}")
set(expected "0x82 x-wap-application:mms.ua\n0x84\n0x83\n")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "FAIL: the recipient's pcap decodes to\n${out}\nexpected\n${expected}")
endif()
message(STATUS "mms-first ${ARGS} pcap (${LINK}): WSP Push with M-Notification.ind, M-Retrieve.conf, M-NotifyResp.ind")
