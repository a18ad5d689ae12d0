// Must not compile: a diagnostic needs a message of a code; common_did_you_mean is a shared hint.
#include "base/diagnostic.hpp"
using namespace planpress::base;
void report(Diagnostics& d) { d.error({}, msg<Msg::common_did_you_mean>(arg<"suggestion">("a"))); }
