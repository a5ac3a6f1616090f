//! `serde` support (feature `serde`): codes serialize as their wire-form strings, `"550"` and
//! `"5.1.1"`, without allocating. [`ReplyCode`] also deserializes from an integer.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{EnhancedCode, ReplyCode};

impl Serialize for ReplyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ReplyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ReplyCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an SMTP reply code such as \"550\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ReplyCode, E> {
                s.parse().map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<ReplyCode, E> {
                let n = u16::try_from(n).map_err(|_| E::custom("reply code out of range"))?;
                ReplyCode::from_u16(n).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<ReplyCode, E> {
                let n = u16::try_from(n).map_err(|_| E::custom("reply code out of range"))?;
                ReplyCode::from_u16(n).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Serialize for EnhancedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 11];
        let n = self.write_ascii(&mut buf);
        serializer.serialize_str(core::str::from_utf8(&buf[..n]).unwrap_or(""))
    }
}

impl<'de> Deserialize<'de> for EnhancedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = EnhancedCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enhanced status code such as \"5.1.1\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<EnhancedCode, E> {
                s.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(V)
    }
}
