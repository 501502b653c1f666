#include "core/crypto.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace lianyin::core {
namespace {

Bytes Hex(std::string_view hex) { return HexDecode(hex).value(); }

Bytes Repeat(std::uint8_t byte, std::size_t count) { return Bytes(count, byte); }

TEST(Crypto, Sha256MatchesFips180Vectors) {
  struct Case {
    std::string message;
    std::string_view digest;
  };
  const Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Sha256Hex(AsBytes(c.message)), c.digest);
    EXPECT_EQ(Sha256(AsBytes(c.message)), Hex(c.digest));
  }
}

TEST(Crypto, HmacSha256MatchesRfc4231Vectors) {
  std::string long_key_message = "Test Using Larger Than Block-Size Key - Hash Key First";
  std::string long_data_message =
      "This is a test using a larger than block-size key and a larger than block-size data. The "
      "key needs to be hashed before being used by the HMAC algorithm.";
  struct Case {
    Bytes key;
    Bytes message;
    std::string_view mac;
  };
  const Case cases[] = {
      {Repeat(0x0b, 20), Bytes{'H', 'i', ' ', 'T', 'h', 'e', 'r', 'e'},
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {Bytes{'J', 'e', 'f', 'e'}, Hex("7768617420646f2079612077616e7420666f72206e6f7468696e673f"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {Repeat(0xaa, 20), Repeat(0xdd, 50),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {Hex("0102030405060708090a0b0c0d0e0f10111213141516171819"), Repeat(0xcd, 50),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {Repeat(0xaa, 131), Bytes(long_key_message.begin(), long_key_message.end()),
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {Repeat(0xaa, 131), Bytes(long_data_message.begin(), long_data_message.end()),
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
      {Bytes{}, Bytes{}, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"},
  };
  for (const Case& c : cases) EXPECT_EQ(HexEncode(HmacSha256(c.key, c.message)), c.mac);
}

TEST(Crypto, HexRoundTripsAndRejectsBadText) {
  for (const Bytes& bytes :
       {Bytes{}, Bytes{0x00}, Bytes{0xde, 0xad, 0xbe, 0xef}, RandomBytes(33)}) {
    EXPECT_EQ(HexDecode(HexEncode(bytes)), bytes);
  }
  EXPECT_EQ(HexEncode(Bytes{0x00, 0x0f, 0xa5, 0xff}), "000fa5ff");
  EXPECT_EQ(HexDecode("DEADbeef"), (Bytes{0xde, 0xad, 0xbe, 0xef}));
  for (std::string_view bad : {"0", "abc", "0g", "zz", " 00", "0x00"}) {
    EXPECT_FALSE(HexDecode(bad)) << bad;
  }
}

TEST(Crypto, Base64UrlMatchesRfc4648WithoutPadding) {
  struct Case {
    std::string_view text;
    std::string_view encoded;
  };
  const Case cases[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
  for (const Case& c : cases) {
    EXPECT_EQ(Base64UrlEncode(AsBytes(c.text)), c.encoded);
    EXPECT_EQ(ToString(Base64UrlDecode(c.encoded).value()), c.text);
  }
  EXPECT_EQ(Base64UrlEncode(Bytes{0xfb, 0xff, 0xfe}), "-__-");
  for (std::size_t size = 0; size < 40; ++size) {
    Bytes bytes = RandomBytes(size);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(bytes)), bytes);
  }
  for (std::string_view bad : {"Z", "Zg==", "Zh", "Zm9", "Zm+v", "Zm/v", "Zm9v\n", "Zm9vY"}) {
    EXPECT_FALSE(Base64UrlDecode(bad)) << bad;
  }
}

TEST(Crypto, Base32MatchesRfc4648) {
  struct Case {
    std::string_view text;
    std::string_view padded;
    std::string_view unpadded;
  };
  const Case cases[] = {
      {"", "", ""},
      {"f", "MY======", "MY"},
      {"fo", "MZXQ====", "MZXQ"},
      {"foo", "MZXW6===", "MZXW6"},
      {"foob", "MZXW6YQ=", "MZXW6YQ"},
      {"fooba", "MZXW6YTB", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI======", "MZXW6YTBOI"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Base32Encode(AsBytes(c.text)), c.padded);
    EXPECT_EQ(Base32Encode(AsBytes(c.text), false), c.unpadded);
    EXPECT_EQ(ToString(Base32Decode(c.padded).value()), c.text);
    EXPECT_EQ(ToString(Base32Decode(c.unpadded).value()), c.text);
  }
  EXPECT_EQ(ToString(Base32Decode("mzxw6ytboi").value()), "foobar");
  for (std::string_view bad : {"M", "MY=", "MZX", "MY1", "MY8", "MZXW6YTBO",
                               "MZ======", "MY======MY", "MZXW6YQ=========", "MY======="}) {
    EXPECT_FALSE(Base32Decode(bad)) << bad;
  }
}

TEST(Crypto, RandomBytesAndConstantTimeEquals) {
  EXPECT_EQ(RandomBytes(0).size(), 0u);
  Bytes a = RandomBytes(32);
  Bytes b = RandomBytes(32);
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_TRUE(ConstantTimeEquals(a, a));
  EXPECT_FALSE(ConstantTimeEquals(a, b));
  EXPECT_FALSE(ConstantTimeEquals(a, ByteView(a).first(31)));
  EXPECT_TRUE(ConstantTimeEquals(Bytes{}, Bytes{}));
}

TEST(Crypto, AesGcmDecryptsTheMcGrewViegaVectors) {
  // GCM specification test cases 13 and 14 (AES-256, zero key and zero IV).
  Bytes key(kAesKeySize, 0);
  EXPECT_EQ(Decrypt(key, Hex("000000000000000000000000530f8afbc74536b9a963b4f1c4cb738b")), Bytes{});
  EXPECT_EQ(Decrypt(key, Hex("000000000000000000000000cea7403d4d606b6e074ec5d3baf39d18"
                             "d0d1c8a799996bf0265b98b5d48ab919")),
            Bytes(16, 0));
}

TEST(Crypto, AesGcmRoundTripsAndDetectsTampering) {
  Bytes key = RandomBytes(kAesKeySize);
  std::string_view id_number = "11010519491231002X";
  std::string_view context = "worker.id_number";
  Bytes sealed = Encrypt(key, AsBytes(id_number), AsBytes(context));
  ASSERT_EQ(sealed.size(), kGcmNonceSize + id_number.size() + kGcmTagSize);
  EXPECT_EQ(ToString(Decrypt(key, sealed, AsBytes(context)).value()), id_number);
  EXPECT_NE(Encrypt(key, AsBytes(id_number), AsBytes(context)), sealed);  // fresh nonce

  for (std::size_t at = 0; at < sealed.size(); ++at) {
    Bytes tampered = sealed;
    tampered[at] ^= 0x01;
    EXPECT_FALSE(Decrypt(key, tampered, AsBytes(context))) << "byte " << at;
  }
  EXPECT_FALSE(Decrypt(key, sealed, AsBytes("worker.phone")));
  EXPECT_FALSE(Decrypt(RandomBytes(kAesKeySize), sealed, AsBytes(context)));
  EXPECT_FALSE(Decrypt(key, ByteView(sealed).first(sealed.size() - 1), AsBytes(context)));
  EXPECT_FALSE(Decrypt(key, ByteView(sealed).first(kGcmNonceSize + kGcmTagSize - 1)));

  Bytes empty_sealed = Encrypt(key, Bytes{});
  EXPECT_EQ(Decrypt(key, empty_sealed), Bytes{});
  EXPECT_THROW(Encrypt(RandomBytes(16), AsBytes(id_number)), std::invalid_argument);
  EXPECT_THROW((void)Decrypt(RandomBytes(31), sealed), std::invalid_argument);
}

TEST(Crypto, Argon2idHashesVerify) {
  std::string encoded = HashPassword("correct horse 电池", kTestPasswordHashParams);
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=64,t=1,p=1$")) << encoded;
  EXPECT_NE(HashPassword("correct horse 电池", kTestPasswordHashParams), encoded);  // salted
  std::string truncated = encoded.substr(0, encoded.size() - 2);
  struct Case {
    std::string_view password;
    std::string_view encoded;
    bool ok;
  };
  const Case cases[] = {
      {"correct horse 电池", encoded, true},
      {"correct horse 电", encoded, false},
      {"Correct horse 电池", encoded, false},
      {"", encoded, false},
      {"correct horse 电池", "", false},
      {"correct horse 电池", "not a hash", false},
      {"correct horse 电池", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA", false},
      {"correct horse 电池", truncated, false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(VerifyPassword(c.password, c.encoded), c.ok) << c.password << " / " << c.encoded;
  }
}

TEST(Crypto, ProductionBinariesHashAtTheDocumentedCost) {
  // core_test does not link the test support library, which lowers the cost for test binaries.
  EXPECT_EQ(DefaultPasswordHashParams().time_cost, 3u);
  EXPECT_EQ(DefaultPasswordHashParams().memory_kib, 64u * 1024u);
  EXPECT_TRUE(HashPassword("s3cret-Pass").starts_with("$argon2id$v=19$m=65536,t=3,p=1$"));
}

TEST(Crypto, Argon2idDefaultParametersAreTheDocumentedOnes) {
  std::string encoded = HashPassword("s3cret-Pass", kPasswordHashParams);
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=65536,t=3,p=1$")) << encoded;
  EXPECT_TRUE(VerifyPassword("s3cret-Pass", encoded));
  EXPECT_FALSE(VerifyPassword("s3cret-pass", encoded));
}

}  // namespace
}  // namespace lianyin::core
