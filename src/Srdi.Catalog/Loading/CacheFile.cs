using System.Globalization;
using System.Security.Cryptography;

namespace Srdi.Catalog.Loading;

/// <summary>The way every file of the catalog's <c>.cache</c> folder is written and read back: whole,
/// ending with a SHA-256 of the rest, so that a reader takes all of it or none.</summary>
internal static class CacheFile
{
    /// <summary>Whether the file ends with the checksum of the rest, <paramref name="length"/> long:
    /// false for a truncated, damaged or foreign file.</summary>
    public static bool TryBody(ReadOnlySpan<byte> file, out int length)
    {
        length = file.Length - 32;
        return file.Length >= 32 && SHA256.HashData(file[..^32]).AsSpan().SequenceEqual(file[^32..]);
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes and its
    /// checksum. The new file is written beside the old and moved over it: a reader sees the old file
    /// or the new, never half of one. <paramref name="beforeMove"/> lets go of the old file (a
    /// mapping). A folder that cannot be written to (an installed program, a shared folder) is left
    /// as it is: a cache only saves time.</summary>
    public static void Replace(string path, Action<Stream> write, Action? beforeMove = null)
    {
        var temporary = string.Create(CultureInfo.InvariantCulture, $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush();
                stream.Position = 0;
                var checksum = SHA256.HashData(stream);
                stream.Write(checksum);
            }
            beforeMove?.Invoke();
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Parsed or compiled again next time.
        }
        finally
        {
            try { File.Delete(temporary); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }
}
