/*
 * Copyright (c) 2026 The ns-3 mms module authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

// Replays a fuzz corpus (a folder of files, or single files) through a fuzz target's entry
// point, so every input libFuzzer found (crashers included, once fixed) runs in CTest with the
// ordinary compiler and, in the sanitizer build, under AddressSanitizer+UBSan.

#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size);

static bool
RunFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
    {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return true;
}

int
main(int argc, char** argv)
{
    std::size_t files = 0;
    bool ok = true;
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        struct stat st;
        if (stat(arg.c_str(), &st) != 0)
        {
            std::fprintf(stderr, "no such corpus: %s\n", arg.c_str());
            return 2;
        }
        if (S_ISDIR(st.st_mode))
        {
            DIR* dir = opendir(arg.c_str());
            if (!dir)
            {
                std::fprintf(stderr, "cannot open %s\n", arg.c_str());
                return 2;
            }
            while (dirent* e = readdir(dir))
            {
                std::string name = e->d_name;
                if (name == "." || name == "..")
                {
                    continue;
                }
                ok = RunFile(arg + "/" + name) && ok;
                ++files;
            }
            closedir(dir);
        }
        else
        {
            ok = RunFile(arg) && ok;
            ++files;
        }
    }
    if (files == 0)
    {
        std::fprintf(stderr, "empty corpus\n");
        return 2;
    }
    std::printf("replayed %zu inputs without a crash\n", files);
    return ok ? 0 : 1;
}
