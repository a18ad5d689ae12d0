// Must not compile: duplicate_key_key has no parameter {line}.
#include "base/messages.hpp"
using namespace planpress::base;
Message m() { return msg<Msg::duplicate_key_key>(arg<"key">("title"), arg<"line">(3)); }
