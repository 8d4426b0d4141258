/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_MULTIPART_H
#define MMS_MULTIPART_H

// WSP multipart bodies (WAP-230 section 8.5) as MMS messages carry them, with media content that
// may be virtual: a size without octets. Plain C++, no ns-3.

#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms
 * Content octets that are either real or virtual (a size only, never allocated). Virtual
 * content encodes as that many zero octets; its encoded size is exact.
 */
class MmsContent
{
  public:
    MmsContent() = default;
    explicit MmsContent(std::vector<uint8_t> bytes);
    explicit MmsContent(const std::string& text);
    static MmsContent Virtual(uint32_t size); //!< size octets that are never allocated

    uint32_t GetSize() const;
    bool IsVirtual() const;
    const std::vector<uint8_t>& GetBytes() const; //!< empty for virtual content

    bool operator==(const MmsContent& o) const;

    bool operator!=(const MmsContent& o) const
    {
        return !(*this == o);
    }

  private:
    std::vector<uint8_t> m_bytes;
    uint32_t m_virtualSize{0};
    bool m_virtual{false};
};

/**
 * \ingroup mms
 * A run of encoded octets followed by a run of virtual zero octets: the encoding of a PDU with
 * virtual content is a sequence of these.
 */
struct MmsWireSegment
{
    std::vector<uint8_t> bytes; //!< real octets
    uint32_t virtualZeros{0};   //!< then this many virtual zero octets
};

/**
 * \ingroup mms
 * An encoder that records virtual content as runs instead of allocating it.
 */
class MmsSegmentWriter
{
  public:
    MmsWspWriter& Head();               //!< writer for the real octets of the current segment
    void AddVirtual(uint32_t zeros); //!< append virtual zero octets
    void AddContent(const MmsContent& c);
    /// The finished segments (the writer is left empty).
    std::vector<MmsWireSegment> Finish();

  private:
    std::vector<MmsWireSegment> m_done;
    MmsWspWriter m_head;
};

/**
 * \ingroup mms
 * One entry of a multipart body.
 */
struct MmsPart
{
    MmsWspContentType contentType;
    std::vector<MmsWspPartHeader> headers; //!< in wire order
    MmsContent data;

    bool operator==(const MmsPart& o) const;

    bool operator!=(const MmsPart& o) const
    {
        return !(*this == o);
    }

    std::string GetContentId() const;       //!< "" if none
    std::string GetContentLocation() const; //!< "" if none
    std::size_t GetHeadersSize() const;     //!< ContentType + Headers octets
};

/// Options for decoding bodies.
struct MmsDecodeOptions
{
    bool keepContent{true}; //!< false: media octets are dropped and kept as virtual sizes
};

/**
 * \ingroup mms
 * A WSP multipart body: a Uintvar entry count and the entries.
 */
class MmsMultipartBody
{
  public:
    std::vector<MmsPart> parts;

    /// Exact encoded size, virtual content included, without materialising it.
    std::size_t GetEncodedSize() const;
    /// Encode, virtual content as zero octets.
    void Encode(MmsWspWriter& w) const;
    /// Encode with virtual content as virtual runs.
    void Encode(MmsSegmentWriter& w) const;
    /// Decode the whole remaining input of the reader as a multipart body.
    static MmsMultipartBody Decode(MmsWspReader& r, const MmsDecodeOptions& options);

    bool operator==(const MmsMultipartBody& o) const
    {
        return parts == o.parts;
    }

    bool operator!=(const MmsMultipartBody& o) const
    {
        return !(*this == o);
    }
};

} // namespace ns3

#endif /* MMS_MULTIPART_H */
