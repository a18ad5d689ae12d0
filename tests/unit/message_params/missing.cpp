// Must not compile: duplicate_key_first_hint names {key}, {line} and {column}; {column} is not given.
#include "base/messages.hpp"
using namespace planpress::base;
Message m() { return msg<Msg::duplicate_key_first_hint>(arg<"key">("title"), arg<"line">(3)); }
