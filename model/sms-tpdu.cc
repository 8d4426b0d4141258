/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "sms-tpdu.h"

#include <algorithm>
#include <ctime>

namespace ns3
{

namespace
{
bool
Fail(DecodeError& e, std::size_t offset, const char* field, const std::string& message)
{
    e.offset = offset;
    e.field = field;
    e.message = message;
    return false;
}

// TS 23.040 9.1.2.5: length in digits, type of address, BCD digits low nibble first.
void
EncodeAddress(const std::string& address, std::vector<uint8_t>& out)
{
    bool international = !address.empty() && address[0] == '+';
    std::string digits = international ? address.substr(1) : address;
    out.push_back(static_cast<uint8_t>(digits.size()));
    out.push_back(international ? 0x91 : 0x81);
    // Semi-octets: 0-9, then * # a b c as 0xA-0xE (TS 23.040 9.1.2.3); others are not digits.
    auto nibble = [](char c) -> uint8_t
    {
        static const char* chars = "0123456789*#abc";
        for (uint8_t v = 0; v < 15; ++v)
        {
            if (chars[v] == c)
            {
                return v;
            }
        }
        return 0;
    };
    for (std::size_t i = 0; i < digits.size(); i += 2)
    {
        uint8_t lo = nibble(digits[i]);
        uint8_t hi = i + 1 < digits.size() ? nibble(digits[i + 1]) : 0x0F;
        out.push_back(static_cast<uint8_t>(lo | (hi << 4)));
    }
}

bool
DecodeAddress(const uint8_t* d,
              std::size_t size,
              std::size_t& pos,
              std::string& out,
              DecodeError& e,
              const char* field)
{
    if (pos + 2 > size)
    {
        return Fail(e, pos, field, "address header truncated");
    }
    uint8_t digits = d[pos];
    uint8_t toa = d[pos + 1];
    if (digits > 20)
    {
        return Fail(e, pos, field, "address length " + std::to_string(digits) + " exceeds 20");
    }
    std::size_t octets = (digits + 1) / 2;
    if (pos + 2 + octets > size)
    {
        return Fail(e, pos, field, "address of " + std::to_string(octets) + " octets truncated");
    }
    out = ((toa & 0x70) == 0x10) ? "+" : "";
    for (std::size_t i = 0; i < digits; ++i)
    {
        uint8_t b = d[pos + 2 + i / 2];
        uint8_t nib = (i % 2 == 0) ? (b & 0x0F) : (b >> 4);
        static const char* chars = "0123456789*#abc";
        if (nib > 14)
        {
            return Fail(e, pos + 2 + i / 2, field, "filler inside the digits");
        }
        out += chars[nib];
    }
    pos += 2 + octets;
    return true;
}

std::size_t
UserDataOctets(uint8_t dcs, uint8_t udl)
{
    return SmsIsSevenBit(dcs) ? (static_cast<std::size_t>(udl) * 7 + 7) / 8 : udl;
}

// TP-UDL and TP-UD.
void
EncodeUserData(uint8_t dcs,
               uint8_t septets,
               const std::vector<uint8_t>& ud,
               std::vector<uint8_t>& out)
{
    std::size_t n = std::min<std::size_t>(ud.size(), 140);
    uint8_t udl = static_cast<uint8_t>(n);
    if (SmsIsSevenBit(dcs))
    {
        udl = septets != 0 && UserDataOctets(dcs, septets) == n
                  ? septets
                  : static_cast<uint8_t>(std::min<std::size_t>(n * 8 / 7, 160));
    }
    out.push_back(udl);
    out.insert(out.end(), ud.begin(), ud.begin() + n);
}

uint8_t
Bcd(int v)
{
    return static_cast<uint8_t>((v % 10) << 4 | (v / 10));
}

int
FromBcd(uint8_t b)
{
    return (b & 0x0F) * 10 + (b >> 4);
}

// TP-UDL, then TP-UD (the octet count depends on the alphabet); pos is at TP-UDL.
bool
DecodeUserData(const uint8_t* d,
               std::size_t size,
               std::size_t pos,
               uint8_t dcs,
               std::vector<uint8_t>& out,
               uint8_t& septets,
               DecodeError& e)
{
    if (pos >= size)
    {
        return Fail(e, pos, "TP-UDL", "missing");
    }
    uint8_t udl = d[pos++];
    septets = SmsIsSevenBit(dcs) ? udl : 0;
    std::size_t octets = UserDataOctets(dcs, udl);
    if (octets > 140)
    {
        return Fail(e, pos - 1, "TP-UDL", std::to_string(octets) + " octets exceed 140");
    }
    if (pos + octets > size)
    {
        return Fail(e,
                    pos - 1,
                    "TP-UDL",
                    std::to_string(octets) + " octets announced, " + std::to_string(size - pos)
                        + " present");
    }
    out.assign(d + pos, d + pos + octets);
    return true;
}
} // namespace

bool
SmsIsSevenBit(uint8_t dcs)
{
    // TS 23.038: general data coding (00xx xxxx) bits 3-2: 00 7-bit, 01 8-bit, 10 UCS2; the
    // message-waiting groups (1100, 1101) are 7-bit, 1110 UCS2; data coding (1111) bit 2.
    switch (dcs >> 4)
    {
        case 0x0:
        case 0x1:
        case 0x2:
        case 0x3:
            return ((dcs >> 2) & 0x03) == 0;
        case 0xC:
        case 0xD:
            return true;
        case 0xF:
            return (dcs & 0x04) == 0;
        default:
            return false;
    }
}

std::vector<uint8_t>
SmsDeliver::Encode() const
{
    std::vector<uint8_t> out;
    uint8_t first = 0x00; // TP-MTI 00
    if (!moreMessagesToSend)
    {
        first |= 0x04; // TP-MMS: 1 = no more messages
    }
    if (statusReportIndication)
    {
        first |= 0x20;
    }
    if (userDataHeaderIndicator)
    {
        first |= 0x40;
    }
    if (replyPath)
    {
        first |= 0x80;
    }
    out.push_back(first);
    EncodeAddress(originator, out);
    out.push_back(protocolId);
    out.push_back(dataCoding);
    // TP-SCTS: local time = UTC + zone.
    int64_t local = serviceCentreTime + static_cast<int64_t>(timeZoneQuarters) * 900;
    UtcDate u = UtcDate::FromUnix(local);
    out.push_back(Bcd(static_cast<int>(u.year % 100)));
    out.push_back(Bcd(static_cast<int>(u.month)));
    out.push_back(Bcd(static_cast<int>(u.day)));
    out.push_back(Bcd(static_cast<int>(u.hour)));
    out.push_back(Bcd(static_cast<int>(u.minute)));
    out.push_back(Bcd(static_cast<int>(u.second)));
    int tz = timeZoneQuarters < 0 ? -timeZoneQuarters : timeZoneQuarters;
    uint8_t z8 = Bcd(tz);
    if (timeZoneQuarters < 0)
    {
        z8 |= 0x08; // sign bit in the tens semi-octet
    }
    out.push_back(z8);
    EncodeUserData(dataCoding, septets, userData, out);
    return out;
}

bool
SmsDeliver::Decode(const uint8_t* d, std::size_t size, SmsDeliver& out, DecodeError& e)
{
    out = SmsDeliver();
    if (size < 1)
    {
        return Fail(e, 0, "TP-MTI", "empty TPDU");
    }
    if ((d[0] & 0x03) != 0)
    {
        return Fail(e, 0, "TP-MTI", "not an SMS-DELIVER (TP-MTI " + std::to_string(d[0] & 3) + ")");
    }
    out.moreMessagesToSend = (d[0] & 0x04) == 0;
    out.statusReportIndication = (d[0] & 0x20) != 0;
    out.userDataHeaderIndicator = (d[0] & 0x40) != 0;
    out.replyPath = (d[0] & 0x80) != 0;
    std::size_t pos = 1;
    if (!DecodeAddress(d, size, pos, out.originator, e, "TP-OA"))
    {
        return false;
    }
    if (pos + 10 > size)
    {
        return Fail(e, pos, "TP-SCTS", "PID, DCS, SCTS and UDL truncated");
    }
    out.protocolId = d[pos++];
    out.dataCoding = d[pos++];
    for (std::size_t i = 0; i < 7; ++i)
    {
        uint8_t b = i == 6 ? static_cast<uint8_t>(d[pos + i] & 0xF7) : d[pos + i];
        if ((b & 0x0F) > 9 || (b >> 4) > 9)
        {
            return Fail(e, pos + i, "TP-SCTS", "semi-octet is not a decimal digit");
        }
    }
    int y = FromBcd(d[pos]);
    int mo = FromBcd(d[pos + 1]);
    int da = FromBcd(d[pos + 2]);
    int h = FromBcd(d[pos + 3]);
    int mi = FromBcd(d[pos + 4]);
    int s = FromBcd(d[pos + 5]);
    uint8_t z = d[pos + 6];
    if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || s > 59)
    {
        return Fail(e, pos, "TP-SCTS", "not a valid date");
    }
    int quarters = FromBcd(static_cast<uint8_t>(z & 0xF7));
    if (z & 0x08)
    {
        quarters = -quarters;
    }
    out.timeZoneQuarters = quarters;
    int64_t local =
        UtcDate::DaysFromCivil(2000 + y, static_cast<unsigned>(mo), static_cast<unsigned>(da))
            * 86400
        + h * 3600 + mi * 60 + s;
    out.serviceCentreTime = local - static_cast<int64_t>(quarters) * 900;
    pos += 7;
    return DecodeUserData(d, size, pos, out.dataCoding, out.userData, out.septets, e);
}

bool
SmsDeliver::operator==(const SmsDeliver& o) const
{
    return originator == o.originator && moreMessagesToSend == o.moreMessagesToSend
           && statusReportIndication == o.statusReportIndication && replyPath == o.replyPath
           && protocolId == o.protocolId && dataCoding == o.dataCoding
           && serviceCentreTime == o.serviceCentreTime && timeZoneQuarters == o.timeZoneQuarters
           && userDataHeaderIndicator == o.userDataHeaderIndicator && userData == o.userData
           && (!SmsIsSevenBit(dataCoding) || septets == o.septets);
}

uint32_t
SmsSubmit::RelativeValidityToSeconds(uint8_t vp)
{
    if (vp <= 143)
    {
        return (vp + 1u) * 300u;
    }
    if (vp <= 167)
    {
        return 12u * 3600u + (vp - 143u) * 1800u;
    }
    if (vp <= 196)
    {
        return (vp - 166u) * 86400u;
    }
    return (vp - 192u) * 7u * 86400u;
}

uint8_t
SmsSubmit::SecondsToRelativeValidity(uint32_t seconds)
{
    for (unsigned vp = 0; vp <= 255; ++vp)
    {
        if (RelativeValidityToSeconds(static_cast<uint8_t>(vp)) >= seconds)
        {
            return static_cast<uint8_t>(vp);
        }
    }
    return 255;
}

std::vector<uint8_t>
SmsSubmit::Encode() const
{
    std::vector<uint8_t> out;
    uint8_t first = 0x01;
    if (rejectDuplicates)
    {
        first |= 0x04;
    }
    if (hasValidityPeriod)
    {
        first |= 0x10; // TP-VPF 10: relative
    }
    if (statusReportRequest)
    {
        first |= 0x20;
    }
    if (userDataHeaderIndicator)
    {
        first |= 0x40;
    }
    if (replyPath)
    {
        first |= 0x80;
    }
    out.push_back(first);
    out.push_back(messageReference);
    EncodeAddress(destination, out);
    out.push_back(protocolId);
    out.push_back(dataCoding);
    if (hasValidityPeriod)
    {
        out.push_back(SecondsToRelativeValidity(validityPeriodSeconds));
    }
    EncodeUserData(dataCoding, septets, userData, out);
    return out;
}

bool
SmsSubmit::Decode(const uint8_t* d, std::size_t size, SmsSubmit& out, DecodeError& e)
{
    out = SmsSubmit();
    if (size < 2)
    {
        return Fail(e, 0, "TP-MTI", "TPDU shorter than 2 octets");
    }
    if ((d[0] & 0x03) != 1)
    {
        return Fail(e, 0, "TP-MTI", "not an SMS-SUBMIT (TP-MTI " + std::to_string(d[0] & 3) + ")");
    }
    out.rejectDuplicates = (d[0] & 0x04) != 0;
    uint8_t vpf = (d[0] >> 3) & 0x03;
    out.statusReportRequest = (d[0] & 0x20) != 0;
    out.userDataHeaderIndicator = (d[0] & 0x40) != 0;
    out.replyPath = (d[0] & 0x80) != 0;
    out.messageReference = d[1];
    std::size_t pos = 2;
    if (!DecodeAddress(d, size, pos, out.destination, e, "TP-DA"))
    {
        return false;
    }
    std::size_t vpOctets = vpf == 0 ? 0 : vpf == 2 ? 1 : 7;
    if (pos + 3 + vpOctets > size)
    {
        return Fail(e, pos, "TP-PID", "PID, DCS, VP and UDL truncated");
    }
    out.protocolId = d[pos++];
    out.dataCoding = d[pos++];
    if (vpf == 2)
    {
        out.hasValidityPeriod = true;
        out.validityPeriodSeconds = RelativeValidityToSeconds(d[pos]);
    }
    // Absolute and enhanced formats (7 octets) are skipped: the SMSC's default applies.
    pos += vpOctets;
    return DecodeUserData(d, size, pos, out.dataCoding, out.userData, out.septets, e);
}

bool
SmsSubmit::operator==(const SmsSubmit& o) const
{
    return rejectDuplicates == o.rejectDuplicates && statusReportRequest == o.statusReportRequest
           && replyPath == o.replyPath && messageReference == o.messageReference
           && destination == o.destination && protocolId == o.protocolId
           && dataCoding == o.dataCoding && hasValidityPeriod == o.hasValidityPeriod
           && (!hasValidityPeriod || validityPeriodSeconds == o.validityPeriodSeconds)
           && userDataHeaderIndicator == o.userDataHeaderIndicator && userData == o.userData
           && (!SmsIsSevenBit(dataCoding) || septets == o.septets);
}

std::vector<uint8_t>
SmsDeliverReport::Encode() const
{
    std::vector<uint8_t> out{0x00};
    if (isError)
    {
        out.push_back(failureCause);
    }
    out.push_back(parameterIndicator);
    return out;
}

bool
SmsDeliverReport::Decode(
    const uint8_t* d, std::size_t size, bool isError, SmsDeliverReport& out, DecodeError& e)
{
    out = SmsDeliverReport();
    out.isError = isError;
    std::size_t need = isError ? 3 : 2;
    if (size < need)
    {
        return Fail(e, size, isError ? "TP-FCS" : "TP-PI", "SMS-DELIVER-REPORT truncated");
    }
    if ((d[0] & 0x03) != 0)
    {
        return Fail(e, 0, "TP-MTI", "not an SMS-DELIVER-REPORT");
    }
    std::size_t pos = 1;
    if (isError)
    {
        out.failureCause = d[pos++];
    }
    out.parameterIndicator = d[pos];
    return true;
}

} // namespace ns3
