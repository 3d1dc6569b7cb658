"""Sums a JFR recording's execution samples of the JMH worker thread per method, self and inclusive
(usage: jfrsum.py FILE.jfr [TOP]); needs the JDK's jfr tool on the PATH."""
import json,sys,subprocess,collections
f=sys.argv[1]; top=int(sys.argv[2]) if len(sys.argv)>2 else 30
out=subprocess.run(['jfr','print','--json','--events','jdk.ExecutionSample','--stack-depth','64',f],capture_output=True,text=True).stdout
d=json.loads(out)
selfc=collections.Counter(); incl=collections.Counter(); n=0
for e in d['recording']['events']:
    th=e['values']['sampledThread']['javaName']
    if 'worker' not in th: continue
    fr=e['values']['stackTrace']['frames']
    n+=1
    names=[x['method']['type']['name'].split('.')[-1]+'.'+x['method']['name'] for x in fr]
    if names: selfc[names[0]]+=1
    for nm in set(names): incl[nm]+=1
print("samples",n)
print("-- self");
for k,v in selfc.most_common(top): print(f"{100*v/n:5.1f}% {k}")
print("-- inclusive")
for k,v in incl.most_common(top): print(f"{100*v/n:5.1f}% {k}")
