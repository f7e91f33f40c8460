import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { LoginRefused, session } from '../../api/session';
import { loginRoute } from '../../app/router';

interface Credentials {
  username: string;
  password: string;
}

/** 로그인: then back to where her session ended, or to the home of her role. */
export function LoginPage() {
  const { redirect } = loginRoute.useSearch();
  const navigate = useNavigate();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setProblem(null);
    try {
      await session.login(username.trim(), password);
      // `redirect` is a path inside the app (the router's, without /app): the router adds its base.
      if (redirect) await router.navigate({ href: redirect });
      else await navigate({ to: '/' });
    } catch (error) {
      setProblem(
        error instanceof LoginRefused
          ? error.message
          : '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="saeil-login">
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          새일 상담 업무 로그인
        </Typography.Title>
        {redirect && !problem && (
          <Alert type="info" showIcon title="다시 로그인하면 보던 화면으로 돌아갑니다." style={{ marginBottom: 16 }} />
        )}
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            label="사용자 이름"
            name="username"
            rules={[{ required: true, whitespace: true, message: '사용자 이름을 입력하세요.' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="비밀번호" name="password" rules={[{ required: true, message: '비밀번호를 입력하세요.' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            로그인
          </Button>
        </Form>
      </Card>
    </main>
  );
}
