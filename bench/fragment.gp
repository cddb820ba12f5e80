# gnuplot: build/bench/fragment.csv -> docs/fragment.png (make bench-fragment)
set datafile separator ","
set terminal pngcairo size 800,480 font "sans,11"
set output "docs/fragment.png"
set title "Free ZONE_NORMAL memory allocatable as order-9 blocks after the fragmenting workload" noenhanced
set xlabel "unmovable share of allocations (%)"
set ylabel "order-9 share of free memory (%)"
set yrange [0:100]
set xrange [0:30]
set key bottom left font ",9"
set grid
plot "< awk -F, '$1==2048 && $3==\"on\"' build/bench/fragment.csv" using 2:7 with points pt 7 ps 1.3 lc rgb "#1a7f37" title "grouping on, 2 GiB", \
     "< awk -F, '$1==512 && $3==\"on\"' build/bench/fragment.csv" using 2:7 with points pt 5 ps 1.1 lc rgb "#4caf50" title "grouping on, 512 MiB", \
     "< awk -F, '$1==2048 && $3==\"off\"' build/bench/fragment.csv" using 2:7 with points pt 7 ps 1.3 lc rgb "#c62828" title "grouping off, 2 GiB", \
     "< awk -F, '$1==512 && $3==\"off\"' build/bench/fragment.csv" using 2:7 with points pt 5 ps 1.1 lc rgb "#ef9a9a" title "grouping off, 512 MiB", \
     "< awk -F, '$1==2048 && $3==\"compact\"' build/bench/fragment.csv" using 2:7 with points pt 9 ps 1.4 lc rgb "#1f4e9c" title "half the movable pages held, grouping + compaction, 2 GiB", \
     "< awk -F, '$1==512 && $3==\"compact\"' build/bench/fragment.csv" using 2:7 with points pt 8 ps 1.2 lc rgb "#6b9bd8" title "half the movable pages held, grouping + compaction, 512 MiB", \
     "< awk -F, '$1==2048 && $3==\"held\"' build/bench/fragment.csv" using 2:7 with points pt 3 ps 1.2 lc rgb "#7b1fa2" title "half the movable pages held, grouping, no compaction"
