// Must not compile: {key} given twice.
#include "base/messages.hpp"
using namespace planpress::base;
Message m() { return msg<Msg::duplicate_key_key>(arg<"key">("a"), arg<"key">("b")); }
