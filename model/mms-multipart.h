/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef MMS_MULTIPART_H
#define MMS_MULTIPART_H

/**
 * \file
 * \ingroup mms-codec
 * WSP multipart bodies (WAP-230-WSP section 8.5) as MMS messages carry them, with media content
 * that may be virtual: a size without octets. Plain C++, no ns-3.
 */

#include "mms-wsp-codec.h"
#include "mms-wsp-content-type.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup mms-codec
 * \brief Content octets that are either real or virtual (a size only, never allocated).
 *
 * Simulated messages carry photos and videos of hundreds of kilobytes; their octets do not
 * matter, their number does. Virtual content encodes as that many zero octets (MmsPdu::Encode())
 * or as a virtual run (MmsPdu::EncodeSegments(), which the transports send as ns-3 packets
 * without payload), and every encoded size counts it exactly.
 *
 * \code
 * MmsPart photo;
 * photo.contentType = MmsWspContentType("image/jpeg");
 * photo.data = MmsContent::Virtual(300 * 1024); // 300 KiB, never allocated
 * \endcode
 */
class MmsContent
{
  public:
    /// Empty real content.
    MmsContent() = default;
    /**
     * \brief Real content.
     * \param bytes the octets
     */
    explicit MmsContent(std::vector<uint8_t> bytes);
    /**
     * \brief Real content from text.
     * \param text the octets (e.g. a SMIL document or a UTF-8 text)
     */
    explicit MmsContent(const std::string& text);
    /**
     * \brief Virtual content.
     * \param size the number of octets, never allocated
     * \return the content
     */
    static MmsContent Virtual(uint32_t size);

    /**
     * \brief The content's size.
     * \return the number of octets, real or virtual
     */
    uint32_t GetSize() const;
    /**
     * \brief Whether the content is virtual.
     * \return true for a size without octets
     */
    bool IsVirtual() const;
    /**
     * \brief The real octets.
     * \return the octets; empty for virtual content
     */
    const std::vector<uint8_t>& GetBytes() const;

    /**
     * \brief Equal as on the wire: virtual content equals real content of the same size that
     * is all zero octets.
     * \param o the other content
     * \return true if both encode to the same octets
     */
    bool operator==(const MmsContent& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other content
     * \return true if they differ
     */
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
 * \ingroup mms-codec
 * \brief A run of encoded octets followed by a run of virtual zero octets: the encoding of a
 * PDU with virtual content is a sequence of these (MmsPdu::EncodeSegments()).
 */
struct MmsWireSegment
{
    std::vector<uint8_t> bytes; //!< real octets
    uint32_t virtualZeros{0};   //!< then this many virtual zero octets
};

/**
 * \ingroup mms-codec
 * \brief An encoder that records virtual content as runs instead of allocating it.
 *
 * Real octets go to Head(); AddVirtual() closes the current segment with a run of virtual
 * zeros and starts the next one. Finish() hands over the segments.
 */
class MmsSegmentWriter
{
  public:
    /**
     * \brief The writer for the real octets of the current segment.
     * \return the writer (valid until the next AddVirtual(), AddContent() or Finish())
     */
    MmsWspWriter& Head();
    /**
     * \brief Append virtual zero octets, closing the current segment.
     * \param zeros their number; 0 does nothing
     */
    void AddVirtual(uint32_t zeros);
    /**
     * \brief Append content: real octets to the current segment, virtual content as a run.
     * \param c the content
     */
    void AddContent(const MmsContent& c);
    /**
     * \brief The finished segments (the writer is left empty).
     * \return at least one segment (an empty one if nothing was written)
     */
    std::vector<MmsWireSegment> Finish();

  private:
    std::vector<MmsWireSegment> m_done;
    MmsWspWriter m_head;
};

/**
 * \ingroup mms-codec
 * \brief One entry of a WSP multipart body (WAP-230-WSP section 8.5): content type, headers
 * and data.
 */
struct MmsPart
{
    MmsWspContentType contentType;         //!< the entry's ContentType
    std::vector<MmsWspPartHeader> headers; //!< in wire order
    MmsContent data;                       //!< the entry's Data, real or virtual

    /**
     * \brief Equal content type, headers and data.
     * \param o the other part
     * \return true if both are equal
     */
    bool operator==(const MmsPart& o) const;

    /**
     * \brief Negation of operator==.
     * \param o the other part
     * \return true if they differ
     */
    bool operator!=(const MmsPart& o) const
    {
        return !(*this == o);
    }

    /**
     * \brief The first decoded Content-ID header.
     * \return its value, e.g. "<smil>"; "" if none
     */
    std::string GetContentId() const;
    /**
     * \brief The first decoded Content-Location header.
     * \return its value, e.g. "image.jpg"; "" if none
     */
    std::string GetContentLocation() const;
    /**
     * \brief The entry's HeadersLen.
     * \return the octets of ContentType and Headers
     */
    std::size_t GetHeadersSize() const;
};

/**
 * \ingroup mms-codec
 * \brief Options for decoding bodies (MmsPdu::Decode(), MmsMultipartBody::Decode()).
 */
struct MmsDecodeOptions
{
    bool keepContent{true}; //!< false: media octets are dropped and kept as virtual sizes
};

/**
 * \ingroup mms-codec
 * \brief A WSP multipart body (WAP-230-WSP section 8.5): a Uintvar entry count, then for each
 * entry HeadersLen, DataLen, ContentType, Headers and Data.
 *
 * The body of M-Send.req and M-Retrieve.conf (application/vnd.wap.multipart.related or .mixed).
 * Decode() reports errors through the reader, naming the entry ("multipart entry 2 data: data
 * length 4000 exceeds the 120 octets left"); octets after the last entry are skipped with a
 * warning.
 *
 * \code
 * MmsMultipartBody body;
 * MmsPart text;
 * text.contentType = MmsWspContentType("text/plain");
 * text.headers.push_back(MmsWspPartHeader::ContentLocation("text.txt"));
 * text.data = MmsContent(std::string("Hello"));
 * body.parts.push_back(text);
 * \endcode
 */
class MmsMultipartBody
{
  public:
    std::vector<MmsPart> parts; //!< the entries, in wire order

    /**
     * \brief The exact encoded size, virtual content included, without materialising it.
     * \return the number of octets
     */
    std::size_t GetEncodedSize() const;
    /**
     * \brief Encode, virtual content as zero octets.
     * \param w the writer to append to
     */
    void Encode(MmsWspWriter& w) const;
    /**
     * \brief Encode with virtual content as virtual runs.
     * \param w the segment writer to append to
     */
    void Encode(MmsSegmentWriter& w) const;
    /**
     * \brief Decode the whole remaining input of the reader as a multipart body.
     * \param r the reader; errors and warnings go to it
     * \param options whether to keep the entries' data or only their sizes
     * \return the body (the entries decoded before an error, if r has failed)
     */
    static MmsMultipartBody Decode(MmsWspReader& r, const MmsDecodeOptions& options);

    /**
     * \brief Equal entries.
     * \param o the other body
     * \return true if both are equal
     */
    bool operator==(const MmsMultipartBody& o) const
    {
        return parts == o.parts;
    }

    /**
     * \brief Negation of operator==.
     * \param o the other body
     * \return true if they differ
     */
    bool operator!=(const MmsMultipartBody& o) const
    {
        return !(*this == o);
    }
};

} // namespace ns3

#endif /* MMS_MULTIPART_H */
