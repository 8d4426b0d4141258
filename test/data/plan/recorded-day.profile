# A recorded day for the planning tool's tests: the MMS a network sent in each hour of
# January 1st, the first hour after midnight the busiest (an illustrative shape, not a
# measured operator's counts). HOUR COUNT, hour 0 = 00:00-01:00.
0 9000
1 4200
2 1500
3 600
4 300
5 250
6 400
7 900
8 1600
9 2200
10 2600
11 2800
12 3000
13 2900
14 2800
15 2800
16 2900
17 3100
18 3300
19 3500
20 3600
21 3500
22 3000
23 2000
