#!/usr/bin/perl
# Sisimai 4.25 (Debian libsisimai-perl) over every file under the given directories, the way
# `maildoctor bounce parse DIR` reads them: each file on its own (an mbox file is split by Sisimai),
# one JSON line per result on stdout (Sisimai's own dump), a count on stderr.
use strict;
use warnings;
use File::Find;
use Sisimai;

my @files;
find({ wanted => sub { push @files, $File::Find::name if -f $_ }, no_chdir => 1 }, @ARGV);
@files = sort @files;
my ($results, $withresult) = (0, 0);
binmode STDOUT;
for my $f (@files) {
    my $data = Sisimai->make($f) || [];
    $withresult++ if @$data;
    for my $r (@$data) {
        print $r->dump('json'), "\n";
        $results++;
    }
}
printf STDERR "sisimai %s: %d files, %d with a result, %d results\n", $Sisimai::VERSION, scalar(@files), $withresult, $results;
