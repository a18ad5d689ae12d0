// Compiles: the message with exactly its parameters.
#include "base/messages.hpp"
using namespace planpress::base;
Message m() { return msg<Msg::duplicate_key_key>(arg<"key">("title")); }
