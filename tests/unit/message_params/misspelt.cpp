// Must not compile: the parameter is {key}, not {kye}.
#include "base/messages.hpp"
using namespace planpress::base;
Message m() { return msg<Msg::duplicate_key_key>(arg<"kye">("title")); }
